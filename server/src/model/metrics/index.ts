export { areaUnderRoc } from './auc.metric.ts';
export { brierScore, liftTopDecile, logLoss } from './probability.metric.ts';
export { expectedCalibrationError, reliabilityBins, type ReliabilityBin } from './reliability.metric.ts';
