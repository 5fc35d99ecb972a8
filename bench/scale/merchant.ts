/**
 * One simulated merchant of bench:scale, driving the app over HTTP as the browser does: cookies
 * kept between requests, an Origin header on every write, files as raw bodies, the import's
 * confirmation as the server action the orders step calls (Next-Action header). Requests go to
 * the app processes in turn, as a load balancer would send them: a session made on one process
 * must be honoured by the other.
 */
export type Timing = { page: string; ms: number; status: number };

export type MerchantPlan = {
  /** The app processes' base URLs; the merchant's requests rotate over them. */
  apps: string[];
  /** The one public origin all processes serve (BETTER_AUTH_URL). */
  origin: string;
  /** Makes the merchant's case, ready for export, as the e2e fixtures do (the forms are not what is measured). */
  createCase: (userId: string) => Promise<string>;
  email: string;
  password: string;
  ordersCsv: Uint8Array<ArrayBuffer>;
  files: Array<{ name: string; bytes: Uint8Array<ArrayBuffer> }>;
  /** The server action id of confirmImportAction in this build. */
  confirmActionId: string;
  /** Resolves once the case's import job has finished (the bench reads the job row). */
  importDone: (caseId: string) => Promise<string>;
};

export type MerchantOutcome = { ok: boolean; failure?: string; ms: number; exportStatus: string; pdfBytes: number };

class Browser {
  private readonly cookies = new Map<string, string>();
  private turn = 0;

  constructor(private readonly plan: MerchantPlan) {}

  /** A second tab of the same browser: its cookies, its own turn over the processes. */
  adopt(other: Browser): this {
    for (const [k, v] of other.cookies) this.cookies.set(k, v);
    return this;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const base = this.plan.apps[this.turn++ % this.plan.apps.length]!;
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    // The public origin, as behind a load balancer that keeps the Host header. Next.js checks a
    // server action's Origin against the Host, which fetch cannot set: an action names the
    // process it reaches instead (the app's own rule accepts its Host too).
    if (init.method && init.method !== 'GET') headers.set('origin', headers.has('next-action') ? base : this.plan.origin);
    const response = await fetch(base + path, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }

  async json<T>(path: string, init: RequestInit = {}, expect: number[] = [200]): Promise<T> {
    const response = await this.request(path, init);
    const text = await response.text();
    if (!expect.includes(response.status)) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}

const post = (body: BodyInit, type = 'application/json'): RequestInit => ({ method: 'POST', body, headers: { 'content-type': type } });

/** Loads the case's pages one after another until `done` is set, timing each whole response. */
async function loadPages(browser: Browser, caseId: string, done: { value: boolean }, timings: Timing[]) {
  const pages = ['/cases', `/cases/${caseId}/orders`, `/cases/${caseId}/evidence`, `/cases/${caseId}/review`];
  for (let i = 0; !done.value; i++) {
    const page = pages[i % pages.length]!;
    const started = performance.now();
    try {
      const response = await browser.request(page);
      await response.arrayBuffer();
      timings.push({ page: page.replace(caseId, ':id'), ms: performance.now() - started, status: response.status });
    } catch {
      // A reset connection is a failed page load (status 0), not the end of the run.
      timings.push({ page: page.replace(caseId, ':id'), ms: performance.now() - started, status: 0 });
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Sign up, sign in (on the other process), import, upload, export, download: the whole visit. */
export async function runMerchant(plan: MerchantPlan, timings: Timing[]): Promise<MerchantOutcome> {
  let caseId = '';
  const started = performance.now();
  const browser = new Browser(plan);
  const done = { value: false };
  let pages: Promise<void> = Promise.resolve();
  try {
    const account = JSON.stringify({ name: '压测店主', email: plan.email, password: plan.password });
    const { user } = await browser.json<{ user: { id: string } }>('/api/auth/sign-up/email', post(account));
    caseId = await plan.createCase(user.id);
    // Signs in again on the other process: the session it makes must hold on both.
    await browser.json('/api/auth/sign-in/email', post(JSON.stringify({ email: plan.email, password: plan.password })));
    pages = loadPages(new Browser(plan).adopt(browser), caseId, done, timings);
    const preview = await browser.json<{ importId: string; mapping: unknown }>(
      `/api/cases/${caseId}/order-imports?name=orders.csv`, post(plan.ordersCsv, 'text/csv'));
    const confirm = await browser.request(`/cases/${caseId}/orders`, {
      method: 'POST',
      headers: { 'next-action': plan.confirmActionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
      body: JSON.stringify([{ caseId: caseId, importId: preview.importId, fileName: 'orders.csv', flagged: false, mapping: preview.mapping, keepPersonalData: false, fixes: { corrections: [], skips: [] } }]),
    });
    const answer = await confirm.text();
    if (confirm.status !== 200 || !answer.includes('"ok":true')) throw new Error(`confirm import: ${confirm.status} ${answer.slice(0, 300)}`);
    const imported = await plan.importDone(caseId);
    if (imported !== 'done') throw new Error(`import job ${imported}`);
    for (const [i, file] of plan.files.entries()) {
      await browser.json(`/api/cases/${caseId}/evidence?name=${encodeURIComponent(file.name)}&category=chat&batch=1&pick=${i}`, post(file.bytes, 'application/octet-stream'), [201]);
    }
    let job = (await browser.json<{ job: { status: string } }>(`/api/cases/${caseId}/export`, post('{}'), [202])).job;
    while (job.status === 'queued' || job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      job = (await browser.json<{ job: { status: string; error: string } }>(`/api/cases/${caseId}/export`)).job;
    }
    if (job.status !== 'done') throw new Error(`export ${job.status}: ${(job as { error?: string }).error ?? ''}`);
    const pdf = await browser.request(`/api/cases/${caseId}/export/pdf`);
    const bytes = (await pdf.arrayBuffer()).byteLength;
    if (pdf.status !== 200) throw new Error(`download: ${pdf.status}`);
    return { ok: true, ms: performance.now() - started, exportStatus: job.status, pdfBytes: bytes };
  } catch (error) {
    return { ok: false, failure: error instanceof Error ? error.message : String(error), ms: performance.now() - started, exportStatus: '', pdfBytes: 0 };
  } finally {
    done.value = true;
    await pages;
  }
}
