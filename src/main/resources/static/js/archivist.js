// The archivist's downloads (a verified copy, a pupil's extract): <form data-download> is sent with fetch so the
// page shows that the file is being prepared (hashing a copy, signing an extract take seconds) and stays usable
// afterwards. Any answer that is not a PDF (a field left empty, a damaged copy) is shown by submitting the form
// normally: such answers store nothing, so sending it again is harmless.
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-download]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var button = form.querySelector('button[type=submit]');
            var status = form.querySelector('.download-status');
            button.disabled = true;
            if (status) { status.hidden = false; }
            fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)),
                credentials: 'same-origin'})
                .then(function (response) {
                    var type = response.headers.get('content-type') || '';
                    if (!response.ok || type.indexOf('application/pdf') !== 0) {
                        throw new Error('not a PDF');
                    }
                    var name = (response.headers.get('content-disposition') || '').match(/filename="?([^";]+)"?/);
                    return response.blob().then(function (blob) {
                        var link = document.createElement('a');
                        link.href = URL.createObjectURL(blob);
                        link.download = name ? name[1] : 'document.pdf';
                        document.body.appendChild(link);
                        link.click();
                        link.remove();
                        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
                    });
                })
                .then(function () {
                    button.disabled = false;
                    if (status) { status.hidden = true; }
                }, function () {
                    form.submit();
                });
        });
    });
});
