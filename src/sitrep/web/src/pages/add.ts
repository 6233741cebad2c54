// "Add reports": an editor pastes URLs or a report's text (with its title, outlet and date, the
// columns `sitrep ingest` reads from a table) or chooses files; POST /api/add runs them through
// the pipeline and answers input by input: the document each made (or already was), the events
// and entities it added or joined, or why it was turned down. The run is a job (POST
// /api/add/jobs): the page polls it each second and says how many documents are read so far;
// its address (#/add?job=ID) shows it again if the analyst leaves. The caps the server states
// (inputs, bytes) are shown and checked before anything is sent. Jobs are kept in the store
// (GET /api/add/jobs lists the newest): a job the server stopped in is shown as interrupted,
// with what its run had done and a button to run it again (documents it stored are found
// again, never stored twice).
import { canEdit, get, post, Schemas } from "../api";
import { count, docLink, empty, entityLink, eventLink, eventTitle, h, section, statusBadge } from "../dom";

type Added = Schemas["Added"];
type AddJob = Schemas["AddJob"];
type Item = Schemas["IntakeItem"];
type Upload = { name: string; content: string };

// What `sitrep ingest` reads (README "Input formats"); the server sniffs the content anyway.
const FORMATS = ".txt,.html,.htm,.pdf,.csv,.tsv,.jsonl,.ndjson,.json,.warc,.gz,.xml,.rss,.atom";

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;

function base64(file: File): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, content: String(reader.result).replace(/^data:[^,]*,/, "") });
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

function joinedOrNew(others: number): HTMLElement {
  return others ? h("span", { class: "badge joined" }, `joined: also in ${count(others, "other document")}`)
    : h("span", { class: "badge new" }, "new");
}

function found(item: Item): HTMLElement {
  const events = item.events, entities = item.entities;
  const fresh = (xs: { other_documents: number }[]) => xs.filter((x) => !x.other_documents).length;
  return h("div", { class: "found" },
    h("p", {}, `${count(events.length, "event")} (${fresh(events)} new, ${events.length - fresh(events)} joined), `,
      `${entities.length} ${entities.length === 1 ? "entity" : "entities"} (${fresh(entities)} new, ${entities.length - fresh(entities)} already named elsewhere)`),
    events.length ? h("ul", { class: "added-events" }, ...events.map((e) => h("li", { "data-event": e.id },
      eventLink(e.id, eventTitle(e.type, e.summary)), " ", statusBadge(e.status), " ", joinedOrNew(e.other_documents)))) : null,
    entities.length ? h("p", { class: "added-entities" }, ...entities.flatMap((e, i) => [i ? ", " : "",
      entityLink(e.id, e.name, e.type), e.other_documents ? "" : h("sup", { class: "muted" }, " new")])) : null);
}

function outcome(item: Item): HTMLElement {
  const li = h("li", { class: `intake intake-${item.outcome}`, "data-outcome": item.outcome, "data-document": item.document_id ?? null });
  if (item.outcome === "rejected") {
    li.append(h("strong", {}, "Turned down: "), item.detail ?? "no reason recorded", " ",
      h("span", { class: "muted" }, `(${item.reason ?? "?"}; kept with the run's rejects)`));
    return li;
  }
  const doc = item.document_id ? docLink(item.document_id, item.title) : h("span", {}, "(document not found)");
  if (item.outcome === "duplicate") li.append(h("strong", {}, "Already in the store: "), doc, " (nothing new was added)");
  else li.append(h("strong", {}, "Stored: "), doc);
  if (item.near_copy_of) li.append(" — a near copy of ", docLink(item.near_copy_of, "an earlier document"));
  li.append(h("div", { class: "muted origin" }, item.origin), found(item));
  return li;
}

function results(added: Added, heading = "What came of it"): HTMLElement {
  const summary = `${count(added.stored, "document")} stored, ${added.already_stored} already in the store, ` +
    `${added.rejected_total} turned down, in ${added.seconds.toFixed(1)} s.`;
  return section(heading, h("p", { class: "muted" }, summary),
    ...added.inputs.map((given) => h("div", { class: "intake-input" }, h("h3", {}, given.input),
      given.items.length ? h("ul", {}, ...given.items.map(outcome)) : empty("Nothing came of this input."))));
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h("label", { class: "add-field" }, label, control);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function progress(job: AddJob): string {
  return `Reading ${count(job.inputs, "input")}: ${count(job.read, "document")} read so far (${job.stored} stored, ` +
    `${job.already_stored} already in the store, ${job.rejected} turned down), ${job.seconds.toFixed(0)} s. ` +
    "You may leave this page: the run goes on, and this page's address shows it again.";
}

const jobLink = (id: string, label: string = id) => h("a", { href: `#/add?job=${encodeURIComponent(id)}` }, label);

/** Run an interrupted or failed job again as a new job, then follow that one. */
function runAgainButton(job: AddJob, status: HTMLElement, out: HTMLElement): HTMLElement {
  const button = h("button", { type: "button", class: "run-again" }, "Run it again");
  button.addEventListener("click", () => void (async () => {
    button.disabled = true;
    try {
      const again = await post<AddJob>(`/add/jobs/${encodeURIComponent(job.id)}/again`, {});
      history.replaceState(null, "", `#/add?job=${encodeURIComponent(again.id)}`);
      out.replaceChildren();
      await follow(again.id, status, out);
    } catch (error) {
      button.disabled = false;
      status.append(h("span", { class: "error" }, ` Could not run it again: ${error instanceof Error ? error.message : String(error)}`));
    }
  })());
  return button;
}

/** What an interrupted or failed job says: what happened, what to do, the job that ran it again. */
function stopped(job: AddJob, status: HTMLElement, out: HTMLElement): void {
  const word = job.state === "interrupted" ? "Interrupted" : "Failed";
  status.replaceChildren(h("span", { class: `error job-${job.state}` }, `${word}: `), job.advice ?? job.error ?? "no reason given", " ",
    job.run_again_as ? jobLink(job.run_again_as, "see that job") : job.can_run_again ? runAgainButton(job, status, out) : "");
  out.replaceChildren(job.answer ? results(job.answer, "What its run had done before it stopped") : "");
}

/** Poll a job each second until it is over (or the page is left), then show what came of it. */
async function follow(id: string, status: HTMLElement, out: HTMLElement): Promise<void> {
  for (;;) {
    const job = await get<AddJob>(`/add/jobs/${encodeURIComponent(id)}`);
    if (job.state === "done" && job.answer) {
      status.replaceChildren(`Done: ${count(job.inputs, "input")} read in ${job.seconds.toFixed(1)} s`,
        job.again_of ? h("span", {}, " (run again from ", jobLink(job.again_of, "an interrupted job"), ")") : "", ".");
      out.replaceChildren(results(job.answer));
      out.scrollIntoView({ block: "start" });
      return;
    }
    if (job.state !== "running") {
      stopped(job, status, out);
      return;
    }
    status.replaceChildren(h("span", { class: "spinner", "aria-hidden": "true" }), " ", progress(job));
    await pause(1000);
    if (!status.isConnected) return; // the analyst went to another page
  }
}

/** The newest jobs, everyone's, as the store keeps them: when, who, what, how far it got. */
function jobList(jobs: AddJob[]): HTMLElement {
  if (!jobs.length) return section("Recent jobs", empty("No reports added from the workbench yet."));
  const inputs = (j: AddJob) => j.given.length <= 2 ? j.given.join("; ") : `${j.given.slice(0, 2).join("; ")} and ${j.given.length - 2} more`;
  return section("Recent jobs", h("table", { class: "grid add-jobs" },
    h("tr", {}, h("th", {}, "started"), h("th", {}, "by"), h("th", {}, "inputs"), h("th", {}, "state"), h("th", {}, "documents read")),
    ...jobs.map((j) => h("tr", { "data-job": j.id, "data-state": j.state },
      h("td", { class: "date" }, jobLink(j.id, j.started_at.slice(0, 16).replace("T", " "))),
      h("td", {}, j.by),
      h("td", { class: "muted" }, inputs(j)),
      h("td", {}, h("span", { class: `badge job-${j.state}` }, j.state),
        j.run_again_as ? h("span", { class: "muted" }, " run again") : j.can_run_again ? h("span", { class: "muted" }, " can be run again") : ""),
      h("td", {}, `${j.read}: ${j.stored} stored, ${j.already_stored} already in the store, ${j.rejected} turned down`)))));
}

export async function renderAdd(main: HTMLElement, _arg: string, params: URLSearchParams): Promise<void> {
  main.append(h("h1", {}, "Add reports"));
  if (!canEdit()) {
    main.append(empty("Adding reports is for editors: sign in with an editor's token."));
    return;
  }
  const [limits, jobs] = await Promise.all([get<Schemas["AddLimits"]>("/add/limits"), get<Schemas["AddJobs"]>("/add/jobs")]);
  const urls = h("textarea", { name: "urls", rows: "3", placeholder: "https://… one address per line" });
  const text = h("textarea", { name: "text", rows: "8", placeholder: "the report's text, as copied from the page" });
  const title = h("input", { name: "title", type: "text", size: "40" });
  const outlet = h("input", { name: "outlet", type: "text", size: "24" });
  const published = h("input", { name: "published", type: "date" });
  const files = h("input", { name: "files", type: "file", multiple: true, accept: FORMATS });
  const button = h("button", { type: "submit" }, "Add");
  const status = h("p", { class: "add-status", role: "status", "aria-live": "polite" });
  const out = h("div", { class: "add-results" });
  const form = h("form", { class: "add-reports" },
    h("fieldset", {}, h("legend", {}, "URLs"), urls),
    h("fieldset", {}, h("legend", {}, "Pasted text"), text,
      h("div", { class: "add-meta" }, field("Title ", title), field("Outlet ", outlet), field("Published ", published))),
    h("fieldset", {}, h("legend", {}, "Files"), files,
      h("span", { class: "muted" }, " text, HTML, PDF, CSV/TSV/JSON lines (one report a row), WARC, RSS/Atom, or a .gz of these")),
    h("p", {}, button, " ", status));
  main.append(h("p", { class: "muted" },
    "Each input goes through the pipeline ", h("code", {}, "sitrep ingest"), ` runs. At most ${limits.max_inputs} inputs and `,
    `${megabytes(limits.max_request_bytes)} per request (a file counts a third more: it travels as base64). `,
    "The server fetches the URLs itself and refuses private and local addresses. A report takes a few seconds, a slow site longer: the page follows the run and says how many documents are read so far; you may leave it and come back by its address."),
    form, out, jobList(jobs.items));

  const job = params.get("job");
  // The page is shown again for each job's address (a hash change), so the list is current.
  if (job) void follow(job, status, out).catch((error) =>
    status.replaceChildren(h("span", { class: "error" }, `Could not follow the run: ${error instanceof Error ? error.message : String(error)}`)));

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void (async () => {
      const body = {
        urls: urls.value.split(/\s+/).filter(Boolean),
        texts: text.value.trim() ? [{ text: text.value, title: title.value.trim() || null,
          outlet: outlet.value.trim() || null, published: published.value || null }] : [],
        files: await Promise.all(Array.from(files.files ?? []).map(base64)),
      };
      const given = body.urls.length + body.texts.length + body.files.length;
      const size = new Blob([JSON.stringify(body)]).size;
      const refuse = !given ? "Nothing to add: paste a URL or a text, or choose a file."
        : given > limits.max_inputs ? `${given} inputs: at most ${limits.max_inputs} per request.`
          : size > limits.max_request_bytes ? `${megabytes(size)} to send: at most ${megabytes(limits.max_request_bytes)} per request.` : "";
      if (refuse) {
        status.replaceChildren(h("span", { class: "error" }, refuse));
        return;
      }
      button.disabled = true;
      try {
        const job = await post<AddJob>("/add/jobs", body);
        history.replaceState(null, "", `#/add?job=${encodeURIComponent(job.id)}`);
        form.reset();
        await follow(job.id, status, out);
      } catch (error) {
        status.replaceChildren(h("span", { class: "error" }, `Could not add: ${error instanceof Error ? error.message : String(error)}`));
      } finally {
        button.disabled = false;
      }
    })();
  });
}
