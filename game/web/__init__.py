"""The browser front end for classrooms: `python -m game serve` (docs/web.md).

app.py builds the ASGI app; play.py and teach.py are its pages; classroom.py
and store.py hold live classes (in memory, or in Redis for several workers);
lifeurl.py keeps a player's life in the address; serve.py runs uvicorn;
loadgen.py is the load benchmark of `python -m game bench --web`.
"""
