"""Small widgets of our own: choices whose state shows in symbols, not only in colour."""
