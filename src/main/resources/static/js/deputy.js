// The deputy's import page: polls the close's progress (JSON) every second while it runs and updates the progress bar,
// the summary and each class's row (status badge, message, link to the archived document). No libraries.
(function () {
    'use strict';
    var bar = document.getElementById('close-progress');
    if (!bar) {
        return;
    }
    var url = bar.getAttribute('data-url');
    var docBase = bar.getAttribute('data-doc-base');
    var summary = document.getElementById('progress-summary');
    var failed = document.getElementById('close-failed');
    var reports = document.getElementById('reports-link');
    var button = document.getElementById('close-button');

    function row(classId) {
        var rows = document.querySelectorAll('tr.class-row');
        for (var i = 0; i < rows.length; i++) {
            if (rows[i].getAttribute('data-class') === classId) {
                return rows[i];
            }
        }
        return null;
    }

    function show(p) {
        bar.max = Math.max(p.total, 1);
        bar.value = p.done;
        bar.setAttribute('data-running', String(p.running));
        summary.textContent = p.summary;
        failed.hidden = !p.failed;
        var anyDocument = false;
        p.classes.forEach(function (c) {
            var tr = row(c.classId);
            if (!tr) {
                return;
            }
            var badge = tr.querySelector('td.status .badge');
            badge.textContent = c.statusText;
            badge.className = 'badge ' + c.badge;
            badge.setAttribute('data-status', c.status);
            var message = tr.querySelector('td.message .message-text') || tr.querySelector('td.message');
            message.textContent = c.details && c.details.length ? c.details.join('\n') : (c.message || '');
            var cell = tr.querySelector('td.document');
            if (c.documentId) {
                anyDocument = true;
                if (!cell.querySelector('a')) {
                    var a = document.createElement('a');
                    a.href = docBase + c.documentId + '/pdf';
                    a.textContent = bar.getAttribute('data-pdf-label');
                    cell.appendChild(a);
                }
            }
        });
        if (reports && anyDocument) {
            reports.hidden = false;
        }
        if (button && !p.running) {
            button.disabled = p.finished;
            button.textContent = button.getAttribute('data-label');
        }
    }

    function poll() {
        fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (r) {
                if (!r.ok) {
                    throw new Error(r.status);
                }
                return r.json();
            })
            .then(function (p) {
                show(p);
                if (p.running) {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function () {
                window.setTimeout(poll, 2000);
            });
    }

    if (button) {
        button.setAttribute('data-label', button.textContent);
    }
    if (bar.getAttribute('data-running') === 'true') {
        window.setTimeout(poll, 1000);
    }
})();
