// The Account record page with the expansion card in the sidebar, beside the standard highlights,
// details and related lists. Admins activate it (or drag the card onto their own page).
import type { XmlElement } from './xml.ts';

export const FLEXIPAGE_NAME = 'Ripe_Account_Record_Page';
export const CARD_COMPONENT = 'expansionCard';

function component(
  componentName: string,
  identifier: string,
  properties: Record<string, string> = {},
): XmlElement {
  return {
    componentInstance: {
      componentInstanceProperties: Object.entries(properties).map(([name, value]) => ({ name, value })),
      componentName,
      identifier,
    },
  };
}

function region(name: string, type: 'Region' | 'Facet', items: XmlElement[]): XmlElement {
  return { itemInstances: items, name, type };
}

export function accountRecordPageXml(): XmlElement {
  return {
    flexiPageRegions: [
      region('header', 'Region', [
        component('force:highlightsPanel', 'force_highlightsPanel', { collapsed: 'false' }),
      ]),
      region('detailTabContent', 'Facet', [component('force:detailPanel', 'force_detailPanel')]),
      region('relatedTabContent', 'Facet', [
        component('force:relatedListContainer', 'force_relatedListContainer', {
          relatedListComponentOverride: 'NONE',
        }),
      ]),
      region('maintabs', 'Facet', [
        component('flexipage:tab', 'flexipage_tab_detail', {
          active: 'true',
          body: 'detailTabContent',
          title: 'Standard.Tab.detail',
        }),
        component('flexipage:tab', 'flexipage_tab_related', {
          body: 'relatedTabContent',
          title: 'Standard.Tab.relatedLists',
        }),
      ]),
      region('main', 'Region', [component('flexipage:tabset', 'flexipage_tabset', { tabs: 'maintabs' })]),
      region('sidebar', 'Region', [component(CARD_COMPONENT, 'ripe_expansionCard')]),
    ],
    masterLabel: 'Ripe Account Record Page',
    parentFlexiPage: 'flexipage__default_rec_L',
    sobjectType: 'Account',
    template: { name: 'flexipage:recordHomeTemplateDesktop' },
    type: 'RecordPage',
  };
}
