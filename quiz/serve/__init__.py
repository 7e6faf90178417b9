"""`quiz serve`: the app in a browser tab, through textual-serve, made safe to open on a network.

A thin adapter, beside `quiz.tui`: it never imports the app. Each tab runs `quiz play` in a
process of its own, whose screen textual-serve's page draws (xterm.js over a websocket);
what this package adds is who may open it and how long its processes live.
"""
