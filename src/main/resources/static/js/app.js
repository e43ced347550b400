// Small behaviours shared by every page (no inline scripts: the Content Security Policy forbids them).
// - <form data-confirm="text">: asks before submitting (destroying, approving, signing).
// - <button data-busy="text">: disabled and relabelled once its form is submitted, so long work is not started twice.
document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
        event.preventDefault();
        return;
    }
    form.querySelectorAll('button[data-busy]').forEach(function (button) {
        button.disabled = true;
        button.textContent = button.getAttribute('data-busy');
    });
});
