// Starts Blazor (App.razor loads blazor.web.js with autostart="false"; an external file because the CSP allows no
// inline script).
//
// Unattended pages (the kiosk /kiosk/…, the waiting-room display /display/… and the mobile ticket /t/…) must notice a
// lost connection within 5 seconds even when the network drops silently (no TCP close: a pulled cable, a dead switch,
// Wi-Fi gone). SignalR's client only notices when nothing has arrived for its server timeout (30 s by default), so
// these pages wait 4 s; the server sends a keep-alive ping every 1.5 s (PortalSetup: UnattendedKeepAlive), so a live
// connection always delivers something well within that. Blazor then starts reconnecting, and ReconnectModal.razor.js
// marks the page offline (the kiosk shows "Tillfälligt ur funktion" at once). Staff pages keep the default timeout:
// their dialog should not flash on a short network hiccup.
(() => {
    const unattendedServerTimeoutMs = 4000;
    const unattended = /^\/(display|kiosk|t)\//i.test(location.pathname);

    Blazor.start({
        circuit: {
            // Called for every connection the circuit opens, reconnections included.
            configureSignalR: builder => {
                if (unattended) {
                    builder.withServerTimeout(unattendedServerTimeoutMs);
                }
            },
        },
    });
})();
