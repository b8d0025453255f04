/** Migration 17: its number is taken by a schema change made alongside; until that lands, it changes nothing. */
export const sql = '';
