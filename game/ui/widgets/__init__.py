"""The small widget set the screens are built from: text, buttons, cards, meter, chart."""
