"""The desktop window: a pygame-ce front end over the engine's view.

Importing this package (or `game.ui.options`) does not import pygame; only the
modules that draw do. Start it with `game.ui.app.run(PlayOptions(...))`.
"""
