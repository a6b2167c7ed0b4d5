"""The console's features: clock, live control, capture, deck, plan and event details.

Each owns its panel, its menu and its actions, and asks the window (``window.Window``) to
place them, through the window's public methods only; none imports the console.
"""
