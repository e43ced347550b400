// The IT section's progress: polls a small JSON endpoint every 1.5 s while a fixity audit or a job restart runs,
// shows how far it is, and reloads the page when it has finished (no inline scripts: the CSP forbids them).
(function () {
    function poll(box, render) {
        var url = box.getAttribute('data-url');
        function tick() {
            fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                .then(function (r) { return r.json(); })
                .then(function (state) {
                    render(state);
                    if (state.running) {
                        window.setTimeout(tick, 1500);
                    } else {
                        window.location.reload();
                    }
                })
                .catch(function () { window.setTimeout(tick, 3000); });
        }
        tick();
    }

    var audit = document.getElementById('audit-progress');
    if (audit && audit.getAttribute('data-running') === 'true') {
        poll(audit, function (state) {
            var bar = audit.querySelector('progress');
            bar.max = Math.max(1, state.total);
            bar.value = state.checked;
            var text = audit.querySelector('.count');
            text.textContent = text.getAttribute('data-template')
                .replace('{0}', state.checked).replace('{1}', state.total);
        });
    }

    var restart = document.getElementById('restart-progress');
    if (restart && restart.getAttribute('data-running') === 'true') {
        poll(restart, function () { });
    }
})();
