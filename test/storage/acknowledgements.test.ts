/** A clerk's acknowledgement of a failed or uncertain message, on a fresh in-memory database. */
import { describe, expect, it } from 'vitest';
import type { MessageStatus } from '../../src/core/domain.js';
import { acknowledgeMessage } from '../../src/storage/acknowledgements.js';
import { getMessage, insertMessage, listMessages, updateMessageStatus } from '../../src/storage/messages.js';
import { aMessage, makeLedger } from '../helpers/store.js';

const AT = '2026-11-22T10:15:00.000Z';

describe('acknowledgeMessage', () => {
  it.each<MessageStatus>(['failed', 'uncertain'])('records operator and time for a %s message, once', async (status) => {
    const store = await makeLedger();
    const id = await store.write((sql) => insertMessage(sql, aMessage({ status, error: 'connection lost' })));
    expect((await store.read((sql) => getMessage(sql, id)))?.acknowledged).toBeUndefined();
    await store.write((sql) => acknowledgeMessage(sql, id, 'maria', AT));
    expect(await store.read((sql) => getMessage(sql, id))).toMatchObject({ status, error: 'connection lost', acknowledged: { operator: 'maria', at: AT } });
    expect((await store.read((sql) => listMessages(sql)))[0]?.acknowledged).toEqual({ operator: 'maria', at: AT });
    await expect(store.write((sql) => acknowledgeMessage(sql, id, 'nikos', AT))).rejects.toThrow(`message ${id} was already acknowledged by maria at ${AT}`);
    expect((await store.read((sql) => getMessage(sql, id)))?.acknowledged?.operator).toBe('maria');
  });

  it('refuses a sent message and an unknown one, changing nothing', async () => {
    const store = await makeLedger();
    const id = await store.write((sql) => insertMessage(sql, aMessage({ status: 'sent' })));
    await expect(store.write((sql) => acknowledgeMessage(sql, id, 'maria', AT))).rejects.toThrow(`message ${id} is sent: only failed or uncertain messages are acknowledged`);
    await expect(store.write((sql) => acknowledgeMessage(sql, 999, 'maria', AT))).rejects.toThrow('message 999 does not exist');
    expect((await store.read((sql) => getMessage(sql, id)))?.acknowledged).toBeUndefined();
  });

  it('stays with the message when its status changes later', async () => {
    const store = await makeLedger();
    const id = await store.write((sql) => insertMessage(sql, aMessage({ status: 'uncertain' })));
    await store.write((sql) => acknowledgeMessage(sql, id, 'maria', AT));
    await store.write((sql) => updateMessageStatus(sql, id, 'sent', null, AT));
    expect(await store.read((sql) => getMessage(sql, id))).toMatchObject({ status: 'sent', acknowledged: { operator: 'maria', at: AT } });
  });
});
