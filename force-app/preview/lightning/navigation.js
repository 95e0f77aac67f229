// A stand-in for lightning/navigation in the local preview: record pages open in the emulator's REST view.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

const urlOf = (pageReference) => `/preview/salesforce/records/${pageReference.attributes.recordId}`;

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference) {
      window.location.assign(urlOf(pageReference));
    }

    [GenerateUrl](pageReference) {
      return Promise.resolve(urlOf(pageReference));
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
