// The sales leader's dashboard: the charts of the three summary reports, side by side. Each viewer sees
// their own data (LoggedInUser): a packaged dashboard cannot name a running user of the subscriber org.
import { dashboardCharts, REPORT_FOLDER } from './reports.ts';
import type { XmlElement } from './xml.ts';

export const DASHBOARD_FOLDER = 'Ripe_Expansion';
export const DASHBOARD_NAME = 'Ripe_Expansion_Overview';

const WHITE = '#FFFFFF';
const BLACK = '#000000';

function section(chart: (typeof dashboardCharts)[number]): XmlElement {
  return {
    columnSize: 'Medium',
    components: {
      chartAxisRange: 'Auto',
      componentType: chart.componentType,
      displayUnits: 'Auto',
      drillEnabled: true,
      drillToDetailEnabled: false,
      enableHover: true,
      expandOthers: false,
      header: chart.header,
      report: `${REPORT_FOLDER}/${chart.report}`,
      useReportChart: true,
    },
  };
}

export function dashboardXml(): XmlElement {
  const [left, middle, right] = dashboardCharts;
  if (!left || !middle || !right) throw new Error('the dashboard shows three charts');
  return {
    backgroundEndColor: WHITE,
    backgroundFadeDirection: 'Diagonal',
    backgroundStartColor: WHITE,
    dashboardType: 'LoggedInUser',
    description:
      'Ripe: expansion potential by owner and segment, the account teams decisions, the score trend.',
    leftSection: section(left),
    middleSection: section(middle),
    rightSection: section(right),
    textColor: BLACK,
    title: 'Ripe expansion',
    titleColor: BLACK,
    titleSize: 12,
  };
}

/** A report or dashboard folder every internal user can read. */
export function publicFolderXml(label: string): XmlElement {
  return { accessType: 'Public', name: label, publicFolderAccess: 'ReadOnly' };
}
