"""One class per screen; screens change through `App.show()` / `App.push()` / `App.pop()`."""
