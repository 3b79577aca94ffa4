// Reconnection UI, adapted from the .NET 10 template.
//
// Staff pages: the template's dialog ("Återansluter till servern …", then "Försök igen").
// Unattended pages (the kiosk /kiosk/…, the waiting-room display /display/… and the mobile ticket /t/…): no dialog,
// only a small badge, because nobody is there to press a button.
// While the connection is lost, <html> carries the class portal-offline at once (the kiosk shows "Tillfälligt ur
// funktion" over everything) and portal-offline-long after 10 seconds (the display shows its banner and greys its
// figures); both go when the connection is back or the page reloads. On these pages the connection is given up after
// 4 seconds without a message from the server (js/blazor-start.js), so a silent network drop counts as lost too.
// Every page: once reconnecting has failed, or the server has rejected the circuit (it restarted), the script polls
// /healthz every few seconds and, as soon as the server answers 200, gets the page going again: unattended pages
// reload at once; staff pages first try to reconnect to their circuit (which keeps unsaved input when the circuit
// survived a network drop) and otherwise reload. The dialog stays up with its retry button meanwhile.

const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const reconnectBadge = document.getElementById("components-reconnect-badge");

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

const healthUrl = new URL("healthz", document.baseURI).href;
const pollIntervalMs = 1000;
const healthTimeoutMs = 2000;
const reconnectTimeoutMs = 10000;

let pollTimer = null;
let polling = false;
let healthyInARow = 0;

const offlineLongAfterMs = 10000;
let offlineLongTimer = null;

/** The kiosk, the display and the mobile ticket: they must heal themselves and never show a dialog. */
function isUnattendedPage() {
    return /^\/(display|kiosk|t)\//i.test(location.pathname);
}

function markOffline() {
    const root = document.documentElement;
    if (root.classList.contains("portal-offline")) {
        return;
    }
    root.classList.add("portal-offline");
    offlineLongTimer = setTimeout(() => root.classList.add("portal-offline-long"), offlineLongAfterMs);
}

function markOnline() {
    if (offlineLongTimer !== null) {
        clearTimeout(offlineLongTimer);
        offlineLongTimer = null;
    }
    document.documentElement.classList.remove("portal-offline", "portal-offline-long");
}

function handleReconnectStateChanged(event) {
    const state = event.detail.state;
    const unattended = isUnattendedPage();
    if (state === "hide") {
        markOnline();
    } else {
        markOffline();
    }
    // Blazor shows the dialog through classes too (components-reconnect-retrying …): hide it entirely there.
    reconnectModal.classList.toggle("components-reconnect-unattended", unattended);

    switch (state) {
        case "show":
        case "retrying":
            if (unattended) {
                showBadge();
            } else if (!reconnectModal.open) {
                reconnectModal.showModal();
            }
            // Don't wait for Blazor's growing retry intervals: as soon as the server answers again, recover.
            startPolling();
            break;
        case "hide":
            stopPolling();
            hideBadge();
            if (reconnectModal.open) {
                reconnectModal.close();
            }
            break;
        case "failed":
            if (unattended) {
                showBadge();
            } else {
                if (!reconnectModal.open) {
                    reconnectModal.showModal();
                }
                document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
            }
            startPolling();
            break;
        case "rejected":
            // The server answered but no longer knows this circuit (typically it restarted): reload once it is healthy.
            if (unattended) {
                showBadge();
            }
            startPolling();
            break;
        case "paused":
            if (unattended) {
                showBadge();
                resume();
            }
            break;
        case "resume-failed":
            if (unattended) {
                showBadge();
            }
            startPolling();
            break;
    }
}

function showBadge() {
    if (reconnectBadge) {
        reconnectBadge.hidden = false;
    }
    if (reconnectModal.open) {
        reconnectModal.close();
    }
}

function hideBadge() {
    if (reconnectBadge) {
        reconnectBadge.hidden = true;
    }
}

function startPolling() {
    if (polling) {
        return;
    }
    polling = true;
    healthyInARow = 0;
    pollTimer = setTimeout(poll, 0);
}

function stopPolling() {
    polling = false;
    if (pollTimer !== null) {
        clearTimeout(pollTimer);
        pollTimer = null;
    }
}

async function poll() {
    pollTimer = null;
    if (!polling) {
        return;
    }
    // Two healthy answers in a row, and the page itself loading: a server that is just shutting down can still answer
    // once on a kept-alive connection, and reloading into it would leave the browser on an error page for good.
    if (await serverIsHealthy()) {
        healthyInARow++;
        if (healthyInARow >= 2 && await pageLoads()) {
            stopPolling();
            await recover();
            return;
        }
    } else {
        healthyInARow = 0;
    }
    if (polling) {
        pollTimer = setTimeout(poll, pollIntervalMs);
    }
}

async function serverIsHealthy() {
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), healthTimeoutMs);
    try {
        const response = await fetch(healthUrl, { cache: "no-store", credentials: "same-origin", signal: controller.signal });
        return response.status === 200;
    } catch {
        return false;
    } finally {
        clearTimeout(timeout);
    }
}

async function pageLoads() {
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), healthTimeoutMs * 2);
    try {
        const response = await fetch(location.href, { cache: "no-store", credentials: "same-origin", signal: controller.signal });
        return response.ok;
    } catch {
        return false;
    } finally {
        clearTimeout(timeout);
    }
}

function withTimeout(promise, ms) {
    return Promise.race([promise, new Promise(resolve => setTimeout(() => resolve(false), ms))]);
}

async function recover() {
    if (isUnattendedPage()) {
        location.reload();
        return;
    }

    try {
        if (await withTimeout(Blazor.reconnect(), reconnectTimeoutMs)) {
            return; // The circuit survived: Blazor hides the dialog.
        }
        if (await withTimeout(Blazor.resumeCircuit(), reconnectTimeoutMs)) {
            reconnectModal.close();
            return;
        }
    } catch {
        // Fall through to a reload: the server is healthy, so a fresh page will work.
    }
    location.reload();
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);

    try {
        // Reconnect will asynchronously return:
        // - true to mean success
        // - false to mean we reached the server, but it rejected the connection (e.g., unknown circuit ID)
        // - exception to mean we didn't reach the server (this can be sync or async)
        const successful = await Blazor.reconnect();
        if (!successful) {
            // We have been able to reach the server, but the circuit is no longer available.
            // We'll reload the page so the user can continue using the app as quickly as possible.
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                location.reload();
            } else {
                reconnectModal.close();
            }
        }
    } catch (err) {
        // We got an exception, server is currently unavailable
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        startPolling();
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        } else if (isUnattendedPage()) {
            hideBadge();
            markOnline();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
        startPolling();
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
