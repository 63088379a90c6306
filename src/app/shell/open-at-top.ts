/** Every screen opens at its top, header in view (after a save, Home is not left scrolled down). */
export function openAtTop(): void {
  window.scrollTo(0, 0);
  document.getElementById('main')?.focus({ preventScroll: true });
}
