-- Open links that serve an image of their block as well as (or instead of)
-- the HTML page, and the last good image, the image's fallback.

ALTER TABLE open_links ADD COLUMN formats TEXT NOT NULL DEFAULT 'html';
ALTER TABLE open_links ADD COLUMN last_good_png_sha256 TEXT;
ALTER TABLE open_links ADD COLUMN last_good_png_at TEXT;
