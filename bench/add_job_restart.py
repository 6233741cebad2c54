"""A real server killed mid-job and started again (docs/quality.md, issue 28c): what the add
page's job says after the restart, and running it again. Five rows of a FA-KES copy without its
coded columns (title, text, outlet), the ones after the first 100, a blank file and a loopback
URL are added as one job over a copy of a store of the first 100 rows; the server (`sitrep
serve`) is killed (SIGKILL, its process group) as soon as the job has stored a document.

    python bench/add_job_restart.py STORE.db FAKES_HIDDEN.csv SCRATCH_FOLDER

Needs httpx (in the venv) and ports 8731-8732 free."""
import base64, csv, json, os, shutil, signal, sqlite3, subprocess, sys, time
import httpx

csv.field_size_limit(10**9)
WT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE, FAKES, TMP = sys.argv[1], sys.argv[2], sys.argv[3]
db = f"{TMP}/k.db"
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix): os.remove(db + suffix)
with sqlite3.connect(SOURCE) as src, sqlite3.connect(db) as dst: src.backup(dst)
rows = list(csv.DictReader(open(FAKES, newline="", encoding="utf-8")))[100:105]
body = {"texts": [{"text": r["article_content"], "title": r["article_title"], "outlet": r["source"]} for r in rows],
        "files": [{"name": "blank.txt", "content": ""}], "urls": ["http://127.0.0.1:9/x"]}

def serve(port):
    env = {**os.environ, "PYTHONPATH": f"{WT}/src"}
    p = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", db, "--port", str(port)],
                         env=env, start_new_session=True, stdout=open(f"{TMP}/serve{port}.log", "w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(base + "/api/session", timeout=1); break
        except Exception: time.sleep(0.2)
    c = httpx.Client(base_url=base, timeout=60)
    token = c.get("/api/session").json()["csrf_token"]
    c.headers.update({"X-CSRF-Token": token, "Origin": base})
    return p, c

def docs():
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from documents").fetchone()[0]

before = docs()
p, c = serve(8731)
t0 = time.monotonic()
job = c.post("/api/add/jobs", json=body).json()
while True:
    j = c.get(f"/api/add/jobs/{job['id']}").json()
    if j["stored"] >= 1 or j["state"] != "running": break
    time.sleep(0.1)
print("before kill:", {k: j[k] for k in ("state", "read", "stored", "rejected", "seconds")}, f"{time.monotonic()-t0:.1f}s")
os.killpg(p.pid, signal.SIGKILL); p.wait()
print("documents before", before, "after kill", docs())
p, c = serve(8732)
listed = c.get("/api/add/jobs").json()["items"]
print("listed after restart:", [(x["id"] == job["id"], x["state"], x["read"], x["stored"], x["rejected"], x["can_run_again"]) for x in listed])
j = c.get(f"/api/add/jobs/{job['id']}").json()
print("advice:", j["advice"])
for given in (j["answer"] or {"inputs": []})["inputs"]:
    for it in given["items"]:
        print("  ", it["outcome"], (it["title"] or "")[:50], it["reason"], (it["detail"] or "")[:90], len(it["events"]), "events")
t1 = time.monotonic()
again = c.post(f"/api/add/jobs/{job['id']}/again").json()
while True:
    d = c.get(f"/api/add/jobs/{again['id']}").json()
    if d["state"] != "running": break
    time.sleep(1)
print("run again:", d["state"], {k: d[k] for k in ("read", "stored", "already_stored", "rejected", "seconds")}, f"{time.monotonic()-t1:.1f}s")
for given in d["answer"]["inputs"]:
    for it in given["items"]:
        print("  ", it["outcome"], (it["title"] or "")[:50], it["reason"], (it["detail"] or "")[:90], len(it["events"]), "events")
print("documents now", docs(), "expected", before + 5)
with sqlite3.connect(db) as conn:
    print("runs:", conn.execute("select status, count(*) from runs group by status").fetchall())
    print("events of the 5:", conn.execute("select count(distinct event_id) from event_mentions where document_id in (select id from documents order by ingested_at desc limit 5)").fetchone())
os.killpg(p.pid, signal.SIGTERM); p.wait()
