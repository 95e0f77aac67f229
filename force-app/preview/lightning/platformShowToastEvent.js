// A stand-in for lightning/platformShowToastEvent in the local preview: the page shows the toast.
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', { composed: true, bubbles: true, cancelable: true, detail: toast });
  }
}
