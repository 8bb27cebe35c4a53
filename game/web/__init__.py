"""The browser front end for classrooms: `python -m game serve` (docs/web.md).

app.py builds the ASGI app; play.py, teach.py and students.py are its pages and
seats.py says who is asking; classroom.py and store.py (redis_store.py) hold live
classes; lifeurl.py keeps a player's life in the address; scene.py, debrief.py
and summary.py say what a page shows; guard.py bounds requests and sets the
security headers; serve.py and asgi.py run uvicorn; loadgen.py is the load
benchmark of `python -m game bench --web`.
"""
