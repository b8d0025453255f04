/** A reserved version number: its migration lands with the change it belongs to, and replaces this file. */
export const sql = '';
