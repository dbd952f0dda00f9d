export interface FavouritesTable {
  id: number;
  account_id: number;
  status_id: number;
  created_at: string;
}

export interface BookmarksTable {
  id: number;
  account_id: number;
  status_id: number;
  created_at: string;
}

export interface StatusPinsTable {
  id: number;
  account_id: number;
  status_id: number;
  created_at: string;
}
