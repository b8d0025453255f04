/**
 * Reading an XML statement into a plain tree with fast-xml-parser: namespace prefixes dropped (camt
 * versions differ only in their namespace for the elements read), values kept as text, entity
 * expansion off and a DOCTYPE refused, so a file cannot make the reader expand or fetch anything.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BankFileProblem } from '../core/bank/credit.js';

/** One element: its attributes as `@name`, its text as `#text`, its children by name (always a list). */
export type XmlNode = { [name: string]: XmlNode[] | string | undefined };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  alwaysCreateTextNode: true,
  // Every element is a list, so one entry and many read alike and no path is ever a bare string.
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** The five predefined XML entities and character references, the only ones a statement uses. */
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its predefined entities and character references replaced (no other expansion). */
export function entityText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return PREDEFINED[name] ?? whole;
  });
}

/** Parse `xml`; a file that is not well-formed is a problem naming its line and column. */
export function parseXml(xml: string): XmlNode {
  if (xml.includes('<!DOCTYPE') || xml.includes('<!ENTITY')) {
    throw new BankFileProblem('DOCTYPE', 'a bank statement has no document type declaration; this file is refused unread');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new BankFileProblem(`line ${valid.err.line}, column ${valid.err.col}`, `not well-formed XML: ${plainly(valid.err.msg)}`);
  return parser.parse(xml) as XmlNode;
}

/** The validator's words, except its list of elements never closed, which it quotes as JSON. */
function plainly(message: string): string {
  const open = /^Invalid '\[(.*)\]' found\.$/.exec(message.replace(/\s+/g, ' '));
  if (open === null) return message;
  const names = [...open[1]!.matchAll(/"([^"]*)"/g)].map((match) => match[1]);
  return `${names.length === 1 ? 'element' : 'elements'} ${names.join(', ')} never closed (the file ends early?)`;
}

/** The child elements named `name`. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const found = node?.[name];
  return Array.isArray(found) ? found : [];
}

/** The first element at `path` (`Refs/EndToEndId`), or undefined. */
export function at(node: XmlNode | undefined, path: string): XmlNode | undefined {
  let current = node;
  for (const name of path.split('/')) {
    current = children(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

/** The text of the element at `path`, entities replaced, or undefined when absent or empty. */
export function textAt(node: XmlNode | undefined, path: string): string | undefined {
  const found = at(node, path);
  const text = found?.['#text'];
  return typeof text === 'string' && text !== '' ? entityText(text) : undefined;
}

/** The texts of every element reached by `path`, in document order. */
export function textsAt(node: XmlNode | undefined, path: string): string[] {
  const names = path.split('/');
  let level: XmlNode[] = node === undefined ? [] : [node];
  for (const name of names) level = level.flatMap((each) => children(each, name));
  return level.flatMap((each) => (typeof each['#text'] === 'string' && each['#text'] !== '' ? [entityText(each['#text'])] : []));
}

/** An attribute's value, or undefined. */
export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? entityText(value) : undefined;
}
