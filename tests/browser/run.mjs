// Browser tests of the web workspace (lifeboat serve): Playwright
// (playwright-core, no browser of its own) driving Debian's chromium
// headless against a server on loopback that tests/integration/t_browser.sh
// started.  Prints TAP-like lines "ok N - what" / "not ok N - what", with
// "# ..." diagnostics; exit 0 only when everything passed.
//
// Environment (set by t_browser.sh):
//   LB_URL              base URL, http://127.0.0.1:PORT
//   LB_PASSWORD         the password of every user below
//   LB_ADMIN, LB_STAFF  an admin's and a staff member's user names
//   LB_CLIENT           a client user's name, LB_CLIENT_IMPORTER its importer
//   LB_OTHER_REF        a shipment of another importer
//   LB_CHROMIUM         the browser (default /usr/bin/chromium)
//   LB_SHOTS            screenshot folder (default /tmp/lifeboat-browser)
import { readFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const env = (k, d) => {
	const v = process.env[k] ?? d;
	if (v === undefined) {
		console.log(`not ok 1 - environment: ${k} is not set (run through tests/integration/t_browser.sh)`);
		process.exit(1);
	}
	return v;
};
const U = env('LB_URL');
const PW = env('LB_PASSWORD');
const ADMIN = env('LB_ADMIN');
const STAFF = env('LB_STAFF');
const CLIENT = env('LB_CLIENT');
const CLIENT_IMP = env('LB_CLIENT_IMPORTER');
const OTHER_REF = env('LB_OTHER_REF');
const NOTICE = env('LB_NOTICE', '');
const OOB = env('LB_OOB', '');
const SHOTS = env('LB_SHOTS', '/tmp/lifeboat-browser');
const EXE = env('LB_CHROMIUM', '/usr/bin/chromium');
mkdirSync(SHOTS, { recursive: true });
for (const f of readdirSync(SHOTS))
	if (/\.(png|pdf)$/.test(f)) rmSync(`${SHOTS}/${f}`);

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ENTRY_RE = /[A-Z0-9]{3}-\d{7}-\d/;
const T = 15000;	// ms for any one wait

let n = 0, failed = 0;
let loginPage = null;
const diag = (s) => { for (const l of String(s).replace(/\x1b\[[0-9;]*m/g, '').split('\n')) if (l.trim()) console.log(`# ${l}`); };
const ok = (what) => console.log(`ok ${++n} - ${what}`);
const notok = (what, why) => { failed++; console.log(`not ok ${++n} - ${what}`); if (why) diag(why); };

class Fail extends Error {}
const check = (cond, why) => { if (!cond) throw new Fail(why); };

async function shot(page, name) {
	try {
		await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
	} catch (e) {
		diag(`screenshot ${name}: ${e.message.split('\n')[0]}`);
	}
}

// test WHAT FN: one line; on failure a screenshot of the page FN was on.
let current = null;
async function test(what, fn) {
	current = null;
	try {
		await fn();
		ok(what);
	} catch (e) {
		notok(what, e instanceof Fail ? e.message : (e.stack || String(e)).split('\n').slice(0, 4).join('\n'));
		if (current && !current.isClosed()) {
			diag(`at ${current.url()}; screenshot ${SHOTS}/FAIL-${slug(what)}.png`);
			await shot(current, `FAIL-${slug(what)}`);
		}
	}
}
const slug = (s) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

const browser = await chromium.launch({
	executablePath: EXE,
	// This machine's network is closed: no background connections.
	args: ['--disable-background-networking', '--disable-component-update',
	    '--disable-sync', '--no-first-run', '--disable-quic',
	    '--disable-gpu'],
	timeout: 60000,
});

// Console errors (CSP refusals among them), per page name.
const consoleErrors = [];
async function newPage(ctx) {
	const page = await ctx.newPage();
	page.setDefaultTimeout(T);
	page.on('console', (m) => {
		// A 4xx answer is logged as an error: that one is expected.
		if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()))
			consoleErrors.push(`${page.url()}: ${m.text()}`);
	});
	current = page;
	return page;
}

const path = (page) => new URL(page.url()).pathname;
const h1 = async (page) => ((await page.locator('h1').first().textContent({ timeout: T })) ?? '').trim();
async function expectH1(page, want) {
	const got = await h1(page).catch(() => '(no h1)');
	check(got === want, `h1 is "${got}", wanted "${want}" (at ${page.url()})`);
}
async function go(page, url) {
	const r = await page.goto(U + url, { waitUntil: 'load' });
	return r;
}
// Click something that submits a form or follows a link; wait for the
// page that comes back.
async function submit(page, locator) {
	const [r] = await Promise.all([
		page.waitForNavigation({ waitUntil: 'load', timeout: T }),
		locator.click(),
	]);
	return r;
}
async function signIn(page, user, password = PW) {
	await go(page, '/login');
	await page.fill('#user', user);
	await page.fill('#password', password);
	await submit(page, page.getByRole('button', { name: 'Sign in', exact: true }));
}

// The rows of a table: { head: [names], rows: [{ cells: [text], links: [href|null] }] }.
async function table(page, sel) {
	await page.locator(sel).waitFor({ timeout: T });
	return page.locator(sel).evaluate((t) => {
		const txt = (c) => c.textContent.replace(/\s+/g, ' ').trim();
		let head = [...t.querySelectorAll('thead th')].map(txt);
		let trs = [...t.querySelectorAll('tbody tr')];
		if (head.length === 0) {
			const all = [...t.querySelectorAll('tr')];
			head = all.length ? [...all[0].children].map(txt) : [];
			trs = all.slice(1);
		}
		return {
			head,
			rows: trs.map((tr) => ({
				cells: [...tr.children].map(txt),
				links: [...tr.children].map((c) => c.querySelector('a')?.getAttribute('href') ?? null),
			})),
		};
	});
}
function col(tab, name) {
	const i = tab.head.findIndex((h) => h.toLowerCase() === name.toLowerCase());
	check(i >= 0, `table has no column "${name}"; columns: ${tab.head.join(' | ')}`);
	return i;
}

async function axe(page, name) {
	await page.evaluate(AXE);
	const res = await page.evaluate(async (tags) => {
		const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
		return [r.passes.length, r.incomplete.length, r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			targets: v.nodes.map((x) => x.target.join(' ')),
		}))];
	}, AXE_TAGS).then(([passes, incomplete, v]) => {
		diag(`axe ${name}: ${passes} rules passed, ${incomplete} to review by hand, ${v.length} violated`);
		return v;
	});
	for (const v of res)
		diag(`axe ${name}: ${v.id} (${v.impact}) ${v.help}: ${v.targets.slice(0, 6).join(', ')}${v.targets.length > 6 ? `, ... (${v.targets.length})` : ''}`);
	const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	check(bad.length === 0, `${bad.length} serious or critical: ${bad.map((v) => v.id).join(', ')}`);
}

// Pages the accessibility test visits: [name, context key, url].
const a11yPages = [];

const staffCtx = await browser.newContext({ acceptDownloads: true });
const t0 = Date.now();

// 1. Sign in.
await test('sign in: / redirects to /login', async () => {
	const page = await newPage(staffCtx);
	await go(page, '/');
	check(path(page) === '/login', `at ${page.url()}, wanted /login`);
	await expectH1(page, 'Sign in');
	await shot(page, 'login');
	loginPage = page;
});
await test('sign in: wrong password shows #error role=alert, stays on /login', async () => {
	const page = current = loginPage ?? await newPage(staffCtx);
	if (path(page) !== '/login') await go(page, '/login');
	await page.fill('#user', STAFF);
	await page.fill('#password', 'not the password at all, surely');
	await submit(page, page.getByRole('button', { name: 'Sign in', exact: true }));
	check(path(page) === '/login', `at ${page.url()}, wanted /login`);
	const err = page.locator('#error');
	check(await err.count() === 1, 'no #error');
	check(await err.getAttribute('role') === 'alert', `#error role is ${await err.getAttribute('role')}`);
	check(await err.isVisible(), '#error is not visible');
	diag(`error says: ${(await err.textContent()).trim()}`);
	check(await page.locator('#user').count() === 1, 'the form is gone');
	await shot(page, 'login-error');
});
let staff = null;
await test('sign in: right password lands on / with h1 Dashboard', async () => {
	const page = await newPage(staffCtx);
	await signIn(page, STAFF);
	check(path(page) === '/', `at ${page.url()}, wanted /`);
	await expectH1(page, 'Dashboard');
	const c = (await staffCtx.cookies()).find((x) => x.name === '__Host-lifeboat');
	check(c, `the browser kept no __Host-lifeboat cookie: ${JSON.stringify(await staffCtx.cookies())}`);
	check(c.secure && c.httpOnly && c.sameSite === 'Strict', `cookie flags: ${JSON.stringify(c)}`);
	staff = page;
});

// 2. Dashboard.
await test('dashboard: table #reserve, links to /deadlines and /recovery', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	await go(page, '/');
	await expectH1(page, 'Dashboard');
	const t = await table(page, 'table#reserve');
	check(t.rows.length > 0, 'table #reserve has no rows');
	diag(`#reserve: ${t.head.join(' | ')}; first row: ${t.rows[0].cells.join(' | ')}`);
	const main = page.locator('main');
	const scope = (await main.count()) ? main : page.locator('body');
	check(await scope.locator('a[href^="/deadlines"]').count() > 0, 'no link to /deadlines in the page body');
	const atRisk = await page.locator('a[href="/deadlines?at_risk=true"]').count();
	if (!atRisk) diag('no link to exactly /deadlines?at_risk=true (contract)');
	check(await scope.locator('a[href^="/recovery"]').count() > 0, 'no link to /recovery in the page body');
	check(atRisk > 0, 'no link to /deadlines?at_risk=true');
	await shot(page, 'dashboard');
	a11yPages.push(['dashboard', 'staff', '/']);
});

// 3. Draw an entry number, download a pack.
let drawnRef = null;
await test('shipments: filter by status with the form', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	await go(page, '/shipments');
	await expectH1(page, 'Shipments');
	await page.selectOption('#status', 'arrived');
	const r = await submit(page, page.getByRole('button', { name: 'Search', exact: true }));
	check(r && r.status() === 200, `the search form's GET ${page.url()} answered ${r?.status()} ${r?.headers()['content-type']}: ${(await r?.text().catch(() => ''))?.slice(0, 300)}`);
	const u = new URL(page.url());
	check(u.pathname === '/shipments' && u.searchParams.get('status') === 'arrived', `at ${page.url()}`);
	const t = await table(page, 'table#shipments');
	diag(`#shipments columns: ${t.head.join(' | ')}`);
	const want = ['Ref', 'Importer', 'Status', 'Mode', 'Entry number', 'Port', 'Arrival', 'Release'];
	for (const w of want) col(t, w);
	check(t.rows.length > 0, 'no arrived shipments');
	const si = col(t, 'Status');
	const others = t.rows.filter((r) => r.cells[si].toLowerCase() !== 'arrived');
	check(others.length === 0, `rows not arrived: ${others.slice(0, 3).map((r) => r.cells.join(' | ')).join('; ')}`);
	check(await page.getByRole('link', { name: 'Next page' }).count() > 0, 'no "Next page" link (more than one page of arrived shipments in the demo)');
	await shot(page, 'shipments-arrived');
	a11yPages.push(['shipments', 'staff', '/shipments?status=arrived']);
});

await test('draw an entry number on a shipment without one', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	let found = null;
	// By URL, not the form: the form has its own test above.
	for (const status of ['arrived', 'held', 'in_transit', 'expected']) {
		await go(page, `/shipments?status=${status}`);
		const t = await table(page, 'table#shipments');
		if (!a11yPages.some((x) => x[0] === 'shipments'))
			a11yPages.push(['shipments', 'staff', `/shipments?status=${status}`]);
		const ei = col(t, 'Entry number'), ri = col(t, 'Ref');
		const row = t.rows.find((r) => !ENTRY_RE.test(r.cells[ei]) && r.links[ri]);
		if (row) { found = { status, ref: row.cells[ri], href: row.links[ri] }; break; }
		diag(`no ${status} shipment without an entry number on the first page`);
	}
	check(found, 'no shipment without an entry number found');
	diag(`drawing for ${found.ref} (${found.status})`);
	check(found.href === `/shipments/${encodeURIComponent(found.ref)}` || found.href === `/shipments/${found.ref}`,
	    `Ref link is ${found.href}`);
	await submit(page, page.getByRole('link', { name: found.ref, exact: true }).first());
	check(path(page) === found.href, `at ${page.url()}, wanted ${found.href}`);
	check(await page.locator('dl').count() > 0, 'no <dl> of fields');
	check(await page.locator('#pack').count() === 0, '#pack link shown before an entry number was drawn');
	await shot(page, 'shipment-before-draw');
	check(await page.locator('#actions').count() === 1, 'no #actions section');
	// The actions come before the transport details, near the top.
	const order = await page.evaluate(() => {
		const a = document.querySelector('#actions'), t = document.querySelector('#transport-h');
		return a && t ? (a.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 : false;
	});
	check(order, '#actions is not above the transport section');
	const filers = await page.locator('#filer option').evaluateAll((os) => os.map((o) => o.value));
	diag(`filer codes offered: ${filers.join(', ')}`);
	check(filers.length > 0, 'no filer code to choose');
	const filer = filers[filers.length - 1];
	await page.selectOption('#filer', filer);
	if ((await page.locator('#entry_type').inputValue()) === '')
		await page.selectOption('#entry_type', '1');
	const draw = page.getByRole('button', { name: 'Draw entry number', exact: true });
	check(await draw.count() === 1, 'no "Draw entry number" button');
	// When the pack cannot be made yet, the form says why and asks.
	if (await page.locator('#draw-gaps').count()) {
		diag(`before the draw: ${(await page.locator('#draw-gaps').textContent()).replace(/\s+/g, ' ').trim()}`);
		await page.check('input[name=anyway]');
	}
	await submit(page, draw);
	check(path(page) === found.href, `after the draw at ${page.url()}, wanted ${found.href}`);
	const dl = (await page.locator('dl').first().textContent()) ?? '';
	const m = dl.match(ENTRY_RE);
	check(m, `no entry number in the <dl>: ${dl.replace(/\s+/g, ' ').slice(0, 300)}`);
	diag(`drew ${m[0]}`);
	check(m[0].startsWith(`${filer}-`), `drew ${m[0]}, not of the chosen filer code ${filer}`);
	check(await page.getByRole('button', { name: 'Draw entry number' }).count() === 0, '"Draw entry number" still offered');
	const pack = page.locator('#pack'), nopack = page.locator('#no-pack');
	check(await pack.count() + await nopack.count() === 1, 'neither #pack nor #no-pack after the draw');
	if (await pack.count()) {
		check(((await pack.textContent()) ?? '').trim() === 'Download release pack (PDF)', `#pack says "${(await pack.textContent()).trim()}"`);
		check(await pack.getAttribute('href') === `/shipments/${encodeURIComponent(found.ref)}/pack`, `#pack href ${await pack.getAttribute('href')}`);
	} else
		diag(`no pack offered: ${(await nopack.textContent()).replace(/\s+/g, ' ').trim()}`);
	await shot(page, 'shipment-after-draw');
	drawnRef = found.ref;
	a11yPages.push(['shipment', 'staff', found.href]);
});

// The downtime loop on the page: correct a field, void the number, draw
// again, record the paper release; each a plain form, each refusal shown.
await test('shipment page: correct a field, void the number, draw again, record the paper release', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	check(drawnRef, 'no shipment was drawn');
	const here = `/shipments/${encodeURIComponent(drawnRef)}`;
	await go(page, here);
	check(await page.locator('#decisions').count() === 1, 'no #decisions section');
	// A value the import would refuse: shown, nothing saved.
	await page.fill('#field', 'bond_amount');
	await page.fill('#value', 'a lot');
	await page.fill('#reason', 'port asked');
	await submit(page, page.getByRole('button', { name: 'Save the correction', exact: true }));
	check(await page.locator('#error').count() === 1, 'no #error for a bad value');
	const err = (await page.locator('#error').textContent()) ?? '';
	check(/not saved/.test(err), `error says "${err.trim()}"`);
	await page.fill('#field', 'driver_name');
	await page.fill('#value', 'Ana Ruiz');
	await page.fill('#reason', 'the port asked for the driver');
	await submit(page, page.getByRole('button', { name: 'Save the correction', exact: true }));
	check(path(page) === here, `after the correction at ${page.url()}`);
	let t = await table(page, 'table#decided');
	check(t.rows.some((r) => r.cells.some((c) => c === 'Ana Ruiz')), `no "Ana Ruiz" in #decided: ${JSON.stringify(t.rows.map((r) => r.cells))}`);
	// Void the drawn number: the shipment may draw again.
	const before = ((await page.locator('dl').first().textContent()) ?? '').match(ENTRY_RE);
	check(before, 'no entry number before the void');
	await page.fill('#void-reason', 'wrong filer code for the port');
	await submit(page, page.getByRole('button', { name: `Void ${before[0]}`, exact: true }));
	check(path(page) === here, `after the void at ${page.url()}`);
	check(await page.getByRole('button', { name: 'Draw entry number', exact: true }).count() === 1, 'no draw form after the void');
	if ((await page.locator('#entry_type').inputValue()) === '')
		await page.selectOption('#entry_type', '1');
	if (await page.locator('#draw-gaps').count())
		await page.check('input[name=anyway]');
	await submit(page, page.getByRole('button', { name: 'Draw entry number', exact: true }));
	const after = ((await page.locator('dl').first().textContent()) ?? '').match(ENTRY_RE);
	check(after && after[0] !== before[0], `drew ${after && after[0]} after voiding ${before[0]}`);
	// A release in the future is refused with why; today's is recorded.
	await page.locator('#date').evaluate((el) => { el.removeAttribute('max'); el.value = '2199-12-31'; });
	await submit(page, page.getByRole('button', { name: 'Record the release', exact: true }));
	check(/in the future/.test((await page.locator('#error').textContent()) ?? ''), 'a future release date not refused with why');
	await submit(page, page.getByRole('button', { name: 'Record the release', exact: true }));
	check(path(page) === here, `after the release at ${page.url()}`);
	check(await page.locator('#paper-release').count() === 1, 'no #paper-release after recording it');
	check(await page.locator('#no-deadlines').count() === 0, 'the deadlines still wait for a release');
	check(await page.getByRole('button', { name: 'Record the release', exact: true }).count() === 0, 'release still offered');
	await shot(page, 'shipment-released-on-paper');
	a11yPages.push(['shipment-decided', 'staff', here]);
});

// Click #pack: { pdf: Buffer } for a download, { status, type, body } else.
async function clickPack(page) {
	const dl = page.waitForEvent('download', { timeout: T });
	const bad = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/pack') && r.status() !== 200, { timeout: T });
	dl.catch(() => {}); bad.catch(() => {});
	await page.locator('#pack').click();
	const got = await Promise.race([dl.then((d) => ({ d })), bad.then((r) => ({ r }))]);
	if (got.d) {
		const file = `${SHOTS}/${got.d.suggestedFilename() || 'pack.pdf'}`;
		await got.d.saveAs(file);
		return { pdf: readFileSync(file), file, name: got.d.suggestedFilename() };
	}
	const r = got.r;
	return { status: r.status(), type: r.headers()['content-type'], body: await r.text().catch((e) => `(${e.message})`) };
}

await test('the drawn shipment: a pack only when it can be made (PDF), else the reasons in words', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	check(drawnRef, 'no shipment was drawn');
	await go(page, `/shipments/${drawnRef}`);
	if (await page.locator('#pack').count() === 0) {
		const why = (await page.locator('#no-pack').textContent()) ?? '';
		diag(`no pack: ${why.replace(/\s+/g, ' ').trim()}`);
		check(!/[a-z]+_[a-z]+|lifeboat /.test(why), `the reasons name columns or commands: ${why}`);
		return;
	}
	const got = await clickPack(page);
	check(got.pdf, `#pack offered but answered ${got.status} ${got.type}: ${got.body?.slice(0, 300)}`);
	check(got.pdf.subarray(0, 5).toString('latin1') === '%PDF-', `${got.file} does not start with %PDF-`);
	diag(`${got.name}: ${got.pdf.length} bytes of PDF`);
});

await test('download the release pack of a shipment that offers one (PDF); no pack link on released ones', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	await go(page, '/shipments?status=arrived');
	const t = await table(page, 'table#shipments');
	const ei = col(t, 'Entry number'), ri = col(t, 'Ref');
	const cands = t.rows.filter((r) => ENTRY_RE.test(r.cells[ei]) && r.links[ri]).slice(0, 12);
	check(cands.length, 'no arrived shipment with an entry number');
	let done = false;
	const without = [];
	for (const c of cands) {
		await go(page, c.links[ri]);
		if (await page.locator('#pack').count() === 0) {
			without.push(c.cells[ri]);
			continue;
		}
		const got = await clickPack(page);
		check(got.pdf, `${c.cells[ri]}: #pack offered but answered ${got.status}: ${got.body?.slice(0, 200)}`);
		check(got.pdf.subarray(0, 5).toString('latin1') === '%PDF-', `${got.file} does not start with %PDF-`);
		diag(`${c.cells[ri]}: ${got.name}, ${got.pdf.length} bytes of PDF`);
		await shot(page, 'shipment-with-pack');
		done = true;
		break;
	}
	if (without.length) diag(`no pack offered for ${without.join(', ')}`);
	check(done, 'no arrived shipment offered a pack');
	await go(page, '/shipments?status=released');
	const r = await table(page, 'table#shipments');
	const rel = r.rows.find((x) => ENTRY_RE.test(x.cells[ei]) && x.links[ri]);
	check(rel, 'no released shipment with an entry number');
	await go(page, rel.links[ri]);
	check(await page.locator('#pack').count() === 0, `released ${rel.cells[ri]} offers a pack`);
	check(await page.locator('#no-pack').isVisible(), `released ${rel.cells[ri]}: no #no-pack saying why`);
	// Its pack address: a page with the navigation, saying why, leading back.
	const resp = await go(page, `${rel.links[ri]}/pack`);
	check(resp.status() === 422, `pack of a released shipment: ${resp.status()}`);
	await expectH1(page, `No release pack for ${rel.cells[ri]}`);
	check(await page.locator('nav[aria-label="Main"]').count() === 1, 'refused pack page has no navigation');
	const body = (await page.locator('main').textContent()) ?? '';
	check(/already released/i.test(body), `refused pack page: ${body.replace(/\s+/g, ' ').slice(0, 300)}`);
	check(!/[a-z]+_[a-z]+|setting|lifeboat /.test(body), `refused pack page names settings or columns: ${body.replace(/\s+/g, ' ').slice(0, 300)}`);
	check(await page.locator('#back').getAttribute('href') === rel.links[ri], `#back is ${await page.locator('#back').getAttribute('href')}`);
	await shot(page, 'pack-refused');
	a11yPages.push(['refused pack', 'staff', `${rel.links[ri]}/pack`]);
});

await test('deadlines and recovery pages', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	await go(page, '/deadlines');
	await expectH1(page, 'Deadlines');
	await table(page, 'table#deadlines');
	await shot(page, 'deadlines');
	await go(page, '/deadlines?at_risk=true');
	await expectH1(page, 'Deadlines');
	await go(page, '/recovery');
	await expectH1(page, 'Recovery queue');
	await table(page, 'table#recovery');
	await shot(page, 'recovery');
	a11yPages.push(['deadlines', 'staff', '/deadlines'], ['recovery', 'staff', '/recovery']);
});

await test('search: any case, counts, importer names beside numbers', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	await go(page, '/shipments?status=held');
	const t = await table(page, 'table#shipments');
	const ri = col(t, 'Ref'), ii = col(t, 'Importer');
	check(t.rows.length > 0, 'no held shipments');
	const ref = t.rows[0].cells[ri];
	await page.fill('#q', ref.toLowerCase());
	await page.selectOption('#status', '');
	await submit(page, page.getByRole('button', { name: 'Search', exact: true }));
	const u = await table(page, 'table#shipments');
	check(u.rows.some((r) => r.cells[ri] === ref), `searching "${ref.toLowerCase()}" did not find ${ref}`);
	const count = ((await page.locator('#count').textContent()) ?? '').trim();
	check(/^[0-9,]+ shipments? match(es)?\.$/.test(count), `count says "${count}"`);
	// The importer's name: search for its first word, in capitals.
	const name = await page.locator('table#shipments tbody tr .imp-name').first().textContent();
	check(name, 'no importer name beside the number');
	const word = name.trim().split(/\s+/)[0].toUpperCase();
	await go(page, `/shipments?q=${encodeURIComponent(word)}`);
	const w = await table(page, 'table#shipments');
	check(w.rows.length > 0 && w.rows.every((r) => r.cells[ii].toUpperCase().includes(word) || r.cells[ri].toUpperCase().includes(word)),
	    `searching "${word}": ${w.rows.slice(0, 3).map((r) => r.cells.join(' | ')).join('; ')}`);
	diag(`"${word}": ${(await page.locator('#count').textContent()).trim()}`);
	// A name typed into the importer field is searched, not refused.
	await go(page, '/shipments');
	await page.fill('#importer', word.toLowerCase());
	const r = await submit(page, page.getByRole('button', { name: 'Search', exact: true }));
	check(r.status() === 200, `a name in the importer field: ${r.status()}`);
	check(await page.locator('#importer-note').count() === 1, 'no note that the name was searched');
	// Thousands separators in counts.
	await go(page, '/shipments');
	const all = ((await page.locator('#count').textContent()) ?? '').trim();
	check(/^\d{1,3}(,\d{3})+ shipments match\.$/.test(all), `count of all shipments: "${all}"`);
});

let truckHref = null;
await test('a truck shipment shows the driver, plate, ACE trip, bond and the client\'s contacts', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	for (const status of ['arrived', 'held', 'in_transit']) {
		await go(page, `/shipments?status=${status}&limit=200`);
		const t = await table(page, 'table#shipments');
		const mi = col(t, 'Mode'), ri = col(t, 'Ref');
		const row = t.rows.find((r) => /^truck/.test(r.cells[mi]));
		if (row) { truckHref = row.links[ri]; break; }
	}
	check(truckHref, 'no truck shipment found');
	await go(page, truckHref);
	for (const id of ['f-driver_name', 'f-driver_dob', 'f-truck_plate', 'f-ace_trip_number', 'f-bond_type']) {
		const v = ((await page.locator(`#${id}`).textContent().catch(() => '')) ?? '').trim();
		check(v && v !== 'not recorded', `#${id}: "${v}"`);
	}
	check(await page.locator('#contacts li').count() > 0, 'no client contacts');
	check(await page.locator('#history').count() === 1 || await page.locator('#history-h').count() === 1, 'no history');
	check(!/\d{4}-\d\d-\d\dT/.test((await page.locator('main').textContent()) ?? ''), 'a raw ISO time on the page');
	await shot(page, 'shipment-truck-1280');
	a11yPages.push(['truck shipment', 'staff', truckHref]);
});

await test('error pages: 404 and 400 keep the navigation, say what to do, link back', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	let r = await go(page, '/no-such-page');
	check(r.status() === 404, `404: ${r.status()}`);
	await expectH1(page, 'Page not found');
	check(await page.locator('nav[aria-label="Main"]').count() === 1, '404 page: no navigation');
	check(await page.locator('#back').count() === 1, '404 page: no way back');
	r = await go(page, '/deadlines?as_of=2026-13-01');
	check(r.status() === 400, `400: ${r.status()}`);
	check(await page.locator('nav[aria-label="Main"]').count() === 1, '400 page: no navigation');
	const text = (await page.locator('main').textContent()) ?? '';
	check(/As of/.test(text) && !/as_of|query parameter/.test(text), `400 page says: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
	check(await page.locator('#back').getAttribute('href') === '/deadlines', `#back: ${await page.locator('#back').getAttribute('href')}`);
	await shot(page, 'error-400-1280');
	a11yPages.push(['error 400', 'staff', '/deadlines?as_of=2026-13-01']);
});

await test('a form from before a sign-in in another tab: "This form has expired", back to the shipment', async () => {
	const ctx = await browser.newContext();
	const a = await newPage(ctx);
	await signIn(a, STAFF);
	let href = null;
	for (const status of ['arrived', 'held', 'in_transit', 'expected']) {
		await go(a, `/shipments?status=${status}&limit=200`);
		const t = await table(a, 'table#shipments');
		const ei = col(t, 'Entry number'), ri = col(t, 'Ref');
		const row = t.rows.find((r) => !ENTRY_RE.test(r.cells[ei]) && r.links[ri]);
		if (row) { href = row.links[ri]; break; }
	}
	check(href, 'no shipment without an entry number');
	await go(a, href);
	if ((await a.locator('#entry_type').inputValue()) === '')
		await a.selectOption('#entry_type', '1');
	// Sign out and in again in a second tab: the first tab's form is now
	// stale (the session it was made for has ended).
	const b = await newPage(ctx);
	await go(b, '/');
	await submit(b, b.getByRole('button', { name: 'Sign out', exact: true }));
	await signIn(b, STAFF);
	check(path(b) === '/', `second tab signed in at ${b.url()}`);
	current = a;
	const r = await submit(a, a.getByRole('button', { name: 'Draw entry number', exact: true }));
	check(r.status() === 403, `status ${r.status()}`);
	await expectH1(a, 'This form has expired');
	const text = (await a.locator('main').textContent()) ?? '';
	check(!/CSRF|X-CSRF|token/i.test(text), `the page speaks of tokens: ${text.replace(/\s+/g, ' ')}`);
	check(await a.locator('nav[aria-label="Main"]').count() === 1, 'no navigation');
	check(await a.locator('#back').getAttribute('href') === href, `#back: ${await a.locator('#back').getAttribute('href')}`);
	await shot(a, 'error-stale-form-1280');
	await axe(a, 'stale form');
	await submit(a, a.locator('#back'));
	check(path(a) === href, `back at ${a.url()}`);
	check(await a.getByRole('button', { name: 'Draw entry number' }).count() === 1, 'nothing was drawn, the form is offered again');
	await ctx.close();
});

await test('deadlines open on what needs action; met ones behind the filter', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	await go(page, '/deadlines');
	const t = await table(page, 'table#deadlines');
	const si = col(t, 'State');
	const met = t.rows.filter((r) => /^met/.test(r.cells[si]));
	check(met.length === 0, `${met.length} met deadlines on the first page`);
	check(t.rows.every((r) => r.cells.length < 2 || /^(overdue|at risk)/.test(r.cells[si])), `states: ${[...new Set(t.rows.map((r) => r.cells[si].split(',')[0]))].join(', ')}`);
	await page.selectOption('#show', 'all');
	await submit(page, page.getByRole('button', { name: 'Show', exact: true }));
	const u = await table(page, 'table#deadlines');
	diag(`all: ${(await page.locator('#totals').textContent()).trim().slice(0, 160)}`);
	check(u.rows.length > 0, 'no deadlines when showing all');
});

await test('dashboard: every risk is a link to what is behind it, no command line', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	await go(page, '/');
	const risks = await page.locator('#risks li').evaluateAll((ls) => ls.map((l) => [l.textContent.trim(), l.querySelector('a')?.getAttribute('href') ?? null]));
	diag(`risks: ${risks.map((r) => `${r[0].slice(0, 50)} -> ${r[1]}`).join('; ')}`);
	check(risks.every((r) => r[1]), `risks without a link: ${risks.filter((r) => !r[1]).map((r) => r[0]).join('; ')}`);
	const text = (await page.locator('main').textContent()) ?? '';
	check(!/lifeboat [a-z]|_setting|at_risk_days|--at-risk/.test(text), 'the dashboard prints command lines or settings');
	const people = risks.find((r) => /^\/(employees|clients)/.test(r[1]));
	if (people) {
		await go(page, people[1]);
		const t = await table(page, /employees/.test(people[1]) ? 'table#employees' : 'table#clients');
		check(t.rows.length > 0, `${people[1]}: nobody listed`);
		diag(`${people[1]}: ${t.rows.length} rows`);
	}
});

// The phone: 390 px wide.
const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
await test('phone (390 px): no page wider than the screen, captions whole, wide tables scroll in their box', async () => {
	const page = await newPage(phoneCtx);
	await signIn(page, STAFF);
	for (const [name, url] of [['dashboard', '/'], ['shipments', '/shipments'], ['shipment-truck', truckHref ?? '/shipments'],
	    ['deadlines', '/deadlines'], ['error-400', '/deadlines?as_of=2026-13-01']]) {
		await go(page, url);
		const m = await page.evaluate(() => ({
			doc: document.documentElement.scrollWidth,
			caps: [...document.querySelectorAll('p.caption')].filter((c) => c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > window.innerWidth + 1).map((c) => c.textContent),
			boxes: [...document.querySelectorAll('div.scroll')].map((d) => [d.scrollWidth > d.clientWidth + 1, d.getBoundingClientRect().right <= window.innerWidth + 1]),
			hint: [...document.querySelectorAll('p.scroll-hint')].some((h) => h.offsetParent !== null),
		}));
		check(m.doc <= 391, `${name}: the page is ${m.doc} px wide`);
		check(m.caps.length === 0, `${name}: captions cut: ${m.caps.join('; ')}`);
		check(m.boxes.every((b) => b[1]), `${name}: a table box sticks out of the screen`);
		if (m.boxes.some((b) => b[0])) check(m.hint, `${name}: a table scrolls but no hint says so`);
		await shot(page, `${name}-390`);
	}
	if (truckHref) {
		await go(page, truckHref);
		const top = await page.locator('#actions').boundingBox();
		diag(`shipment page at 390 px: #actions at y=${top?.y}`);
		check(top && top.y < 1400, `#actions at y=${top?.y}: not near the top`);
	}
	await page.close();
});
await test('screenshots at 1280 px', async () => {
	const page = current = staff ?? await newPage(staffCtx);
	await page.setViewportSize({ width: 1280, height: 900 });
	for (const [name, url] of [['dashboard-1280', '/'], ['shipments-1280', '/shipments'], ['deadlines-1280', '/deadlines']]) {
		await go(page, url);
		await shot(page, name);
	}
});

// 4. A client sees only its own shipments.
const clientCtx = await browser.newContext();
let client = null;
await test('client: / lands on /shipments, h1 "Your shipments"', async () => {
	const page = await newPage(clientCtx);
	await signIn(page, CLIENT);
	await go(page, '/');
	check(path(page) === '/shipments', `at ${page.url()}, wanted /shipments`);
	await expectH1(page, 'Your shipments');
	await shot(page, 'client-shipments');
	client = page;
	a11yPages.push(['client shipments', 'client', '/shipments']);
});
await test('client: every row is the client\'s importer', async () => {
	const page = current = client ?? await newPage(clientCtx);
	await go(page, '/shipments');
	const t = await table(page, 'table#shipments');
	check(t.rows.length > 0, 'no rows');
	const ii = col(t, 'Importer');
	const wrong = t.rows.filter((r) => !r.cells[ii].startsWith(CLIENT_IMP));
	check(wrong.length === 0, `${wrong.length} of ${t.rows.length} rows of another importer: ${wrong.slice(0, 3).map((r) => r.cells.join(' | ')).join('; ')}`);
	diag(`${t.rows.length} rows, all ${CLIENT_IMP}`);
	const ri = col(t, 'Ref');
	await go(page, t.rows[0].links[ri]);
	check(await page.locator('dl').count() > 0, `own shipment ${t.rows[0].cells[ri]}: no <dl>`);
	check(await page.getByRole('button', { name: 'Draw entry number' }).count() === 0, 'a client is offered "Draw entry number"');
	await shot(page, 'client-shipment');
});
await test('client: another importer\'s shipment is a 404 page', async () => {
	const page = current = client ?? await newPage(clientCtx);
	const r = await go(page, `/shipments/${OTHER_REF}`);
	check(r.status() === 404, `status ${r.status()}`);
	await expectH1(page, 'Shipment not found');
	check(await page.locator('nav[aria-label="Main"]').count() === 1, '404 page without the navigation');
	check(await page.locator('#back').getAttribute('href') === '/shipments', `#back is ${await page.locator('#back').getAttribute('href')}`);
	await shot(page, 'client-404');
});
await test('client: nav has its deadlines, no Recovery, Users', async () => {
	const page = current = client ?? await newPage(clientCtx);
	await go(page, '/shipments');
	const links = await page.locator('nav a').evaluateAll((as) => as.map((a) => `${a.textContent.trim()} ${a.getAttribute('href')}`));
	diag(`client nav: ${links.join(', ')}`);
	check(links.length > 0, 'no nav links');
	const bad = links.filter((l) => /\/(recovery|users)\b/.test(l));
	check(bad.length === 0, `nav offers ${bad.join(', ')}`);
	check(links.some((l) => /\/deadlines$/.test(l)), 'nav lacks the client\'s deadlines');
});
await test('client: /users and /recovery are refused (403) on a page with the navigation', async () => {
	const page = current = client ?? await newPage(clientCtx);
	const got = [];
	for (const u of ['/users', '/recovery']) {
		const r = await go(page, u);
		got.push(`${u} ${r.status()} ${r.headers()['content-type']}`);
		check(r.status() === 403, `${u}: status ${r.status()}`);
		await expectH1(page, 'Not available to you');
		check(await page.locator('nav[aria-label="Main"]').count() === 1, `${u}: no navigation`);
	}
	diag(got.join('; '));
	await shot(page, 'client-403');
});
await test('client: its own deadlines, without the damages estimates', async () => {
	const page = current = client ?? await newPage(clientCtx);
	const r = await go(page, '/deadlines');
	check(r.status() === 200, `/deadlines: ${r.status()}`);
	await expectH1(page, 'Your deadlines');
	const t = await table(page, 'table#deadlines');
	check(!t.head.some((h) => /exposure/i.test(h)), `columns: ${t.head.join(' | ')}`);
	check(!/exposure|\$[0-9]/i.test((await page.locator('main').textContent()) ?? ''), 'the page shows an estimate');
	const ii = col(t, 'Importer');
	const other = t.rows.filter((x) => x.cells.length > 1 && !x.cells[ii].startsWith(CLIENT_IMP));
	check(other.length === 0, `rows of another importer: ${other.slice(0, 2).map((x) => x.cells.join(' | ')).join('; ')}`);
	// The API answers alike: the staff's estimates, none for the client.
	const api = async (p) => (await go(p, `/api/v1/deadlines?limit=1000&importer=${CLIENT_IMP}`)).json();
	const mine = await api(page), theirs = await api(staff ?? await newPage(staffCtx));
	current = page;
	const est = (j) => j.deadlines.filter((d) => d.exposure !== null).length;
	diag(`API: ${mine.deadlines.length} deadlines for the client, ${est(theirs)} of staff's with an estimate`);
	check(est(theirs) > 0, 'staff see no estimate for this importer: the check below proves nothing');
	check(est(mine) === 0, `the client gets ${est(mine)} estimates from the API`);
	a11yPages.push(['client deadlines', 'client', '/deadlines']);
});
await test('client portal: its own name, the broker\'s notice and out-of-band contact', async () => {
	const page = current = client ?? await newPage(clientCtx);
	await go(page, '/shipments');
	const name = ((await page.locator('#portal-h').textContent()) ?? '').trim();
	diag(`portal: ${name}`);
	check(name && name !== 'Your company', `no client name: "${name}"`);
	check(((await page.locator('#notice').textContent()) ?? '').includes(NOTICE), 'no notice from the broker');
	check(((await page.locator('#oob-contact').textContent()) ?? '').includes(OOB), 'no out-of-band contact');
	await shot(page, 'client-portal-1280');
	const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const p = await newPage(phone);
	await signIn(p, CLIENT);
	await go(p, '/shipments');
	check(await p.evaluate(() => document.documentElement.scrollWidth) <= 391, 'the portal is wider than a phone');
	await shot(p, 'client-portal-390');
	await phone.close();
	current = page;
});

// 5. Sign out.
await test('sign out ends the session: / then redirects to /login', async () => {
	const page = current = client ?? await newPage(clientCtx);
	await go(page, '/shipments');
	await submit(page, page.getByRole('button', { name: 'Sign out', exact: true }));
	diag(`after sign-out at ${page.url()}`);
	await go(page, '/');
	check(path(page) === '/login', `at ${page.url()}, wanted /login`);
	const c = (await clientCtx.cookies()).find((x) => x.name === '__Host-lifeboat');
	check(!c, `cookie still kept: ${JSON.stringify(c)}`);
	await go(page, '/shipments');
	check(path(page) === '/login', `/shipments at ${page.url()}, wanted /login`);
});

// Admin: the users page.
const adminCtx = await browser.newContext();
await test('admin: users page with table #users and the add-user form', async () => {
	const page = await newPage(adminCtx);
	await signIn(page, ADMIN);
	await go(page, '/users');
	await expectH1(page, 'Users');
	const t = await table(page, 'table#users');
	check(t.rows.some((r) => r.cells.includes(STAFF)), `no row for ${STAFF}: ${t.head.join(' | ')}`);
	for (const s of ['#name', '#role', '#client', '#new-password'])
		check(await page.locator(s).count() === 1, `no ${s}`);
	check(await page.getByRole('button', { name: 'Add user', exact: true }).count() === 1, 'no "Add user" button');
	const nav = await page.locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	for (const h of ['/', '/shipments', '/deadlines', '/recovery', '/users'])
		check(nav.includes(h), `admin nav lacks ${h}: ${nav.join(', ')}`);
	await shot(page, 'users');
	a11yPages.push(['users', 'admin', '/users']);
});

await test('admin: add a user with the form, disable and enable it with its button', async () => {
	const page = await newPage(adminCtx);
	await go(page, '/users');
	await page.fill('#name', 'browser-made');
	await page.selectOption('#role', 'auditor');
	await page.fill('#new-password', 'a long pass phrase for the browser test');
	await submit(page, page.getByRole('button', { name: 'Add user', exact: true }));
	check(path(page) === '/users', `after adding at ${page.url()}`);
	const state = async () => (await table(page, 'table#users')).rows
		.find((r) => r.cells[0] === 'browser-made')?.cells[3];
	check(await state() === 'active', `new user's state: ${await state()}`);
	await submit(page, page.getByRole('button', { name: 'Disable browser-made', exact: true }));
	check(await state() === 'disabled', `after Disable: ${await state()}`);
	await submit(page, page.getByRole('button', { name: 'Enable browser-made', exact: true }));
	check(await state() === 'active', `after Enable: ${await state()}`);
	check(await page.getByRole('button', { name: `Disable ${ADMIN}`, exact: true }).count() === 0,
	    'the admin is offered to disable itself');
	await shot(page, 'users-after');
});

// 6. Accessibility.
const ctxs = { staff: staffCtx, client: clientCtx, admin: adminCtx };
// The client signed out above: sign in again.
await (async () => { const p = await clientCtx.newPage(); await signIn(p, CLIENT).catch(() => {}); await p.close(); })();
const anon = await browser.newContext();
await test('accessibility (axe): login', async () => {
	const page = await newPage(anon);
	await go(page, '/login');
	await axe(page, 'login');
});
const want = ['dashboard', 'shipments', 'shipment', 'deadlines', 'recovery', 'users', 'client shipments',
    'refused pack', 'client deadlines', 'truck shipment', 'error 400'];
for (const name of want) {
	const e = a11yPages.find((x) => x[0] === name);
	await test(`accessibility (axe): ${name}`, async () => {
		check(e, `the ${name} page was not reached above`);
		const page = await newPage(ctxs[e[1]]);
		await go(page, e[2]);
		check(path(page) !== '/login', `${e[2]} sent to /login`);
		await axe(page, name);
		await page.close();
	});
}
await test('keyboard: Tab to #user, #password, Sign in; Enter submits', async () => {
	const ctx = await browser.newContext();
	const page = await newPage(ctx);
	await go(page, '/login');
	const focused = () => page.evaluate(() => {
		const a = document.activeElement;
		return a ? `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''} "${(a.textContent || a.value || '').trim()}"` : 'none';
	});
	// A skip link and the header's links may come first (outside <main>).
	const before = [];
	let f;
	for (;;) {
		await page.keyboard.press('Tab');
		f = await focused();
		if (f.startsWith('input#user') || before.length === 3) break;
		const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
		check(!inMain, `Tab reached ${f} in <main> before #user`);
		before.push(f);
	}
	if (before.length) diag(`before #user: ${before.join(', ')}`);
	check(f.startsWith('input#user'), `Tab ${before.length + 1}: ${f}`);
	await page.keyboard.type(STAFF);
	await page.keyboard.press('Tab');
	f = await focused();
	check(f.startsWith('input#password'), `second Tab: ${f}`);
	await page.keyboard.type(PW);
	await page.keyboard.press('Tab');
	f = await focused();
	check(/^(button|input)\b.*Sign in/.test(f), `third Tab: ${f}`);
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
	check(path(page) === '/', `after Enter at ${page.url()}`);
	await expectH1(page, 'Dashboard');
	await ctx.close();
});

// 7. Without JavaScript.
await test('without JavaScript: sign in and see the dashboard', async () => {
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const page = await newPage(ctx);
	await signIn(page, STAFF);
	check(path(page) === '/', `at ${page.url()}, wanted /`);
	await expectH1(page, 'Dashboard');
	await table(page, 'table#reserve');
	await go(page, '/shipments?status=held');
	await table(page, 'table#shipments');
	await shot(page, 'nojs-shipments');
	await ctx.close();
});

await test('no console errors (CSP refusals included) on any page', async () => {
	current = null;
	const uniq = [...new Set(consoleErrors)];
	for (const e of uniq.slice(0, 20)) diag(e);
	check(uniq.length === 0, `${uniq.length} console errors`);
});

await browser.close();
console.log(`1..${n}`);
diag(`${n - failed} passed, ${failed} failed in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`);
process.exit(failed ? 1 : 0);
