// The director's pages (no inline scripts: the Content Security Policy forbids them).
// - #select-all ticks or unticks every document of the signing table.
// - #signing-progress polls the progress endpoint every second while a signing run is active and reloads the page
//   when it ends, so the signed documents leave the list and show as signed.
(function () {
    'use strict';

    function format(template, a, b) {
        return template.replace('{0}', a).replace('{1}', b);
    }

    document.addEventListener('DOMContentLoaded', function () {
        var all = document.getElementById('select-all');
        if (all) {
            all.addEventListener('change', function () {
                document.querySelectorAll('#unsigned input[name="document"]').forEach(function (box) {
                    box.checked = all.checked;
                });
            });
        }

        var panel = document.getElementById('signing-progress');
        if (!panel || panel.getAttribute('data-active') !== 'true') {
            return;
        }
        var bar = document.getElementById('signing-bar');
        var count = document.getElementById('signing-count');
        var state = document.getElementById('signing-state');
        var form = document.getElementById('signing-form');
        if (form) {
            form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
        }

        function poll() {
            fetch(panel.getAttribute('data-url'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
                .then(function (response) { return response.json(); })
                .then(function (p) {
                    bar.max = p.total > 0 ? p.total : 1;
                    bar.value = p.signed;
                    count.textContent = format(panel.getAttribute('data-text'), p.signed, p.total);
                    if (p.finished) {
                        state.textContent = panel.getAttribute(p.failures.length ? 'data-failed' : 'data-done');
                        window.location.reload();
                    } else {
                        state.textContent = panel.getAttribute('data-running');
                        window.setTimeout(poll, 1000);
                    }
                })
                .catch(function () { window.setTimeout(poll, 2000); });
        }
        poll();
    });
})();
