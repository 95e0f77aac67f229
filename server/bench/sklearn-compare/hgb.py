"""scikit-learn's HistGradientBoostingClassifier on the folds Ripe's backtest used.

Usage: python3 hgb.py PLAN.json  (written by compare.ts: the CSV, the label, the categorical columns,
the kept rows and the folds). Prints JSON: AUC, Brier, ECE, log-loss on the held-out rows, CPU seconds of
the fits and predictions, and the process's peak RSS.
"""
import csv
import json
import resource
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

MISSING = {"", "na", "n/a", "nan", "null", "none", "?", "-"}


def ece(labels, predicted, bins=10):
    # the same equal-width bins as Ripe's expectedCalibrationError
    index = np.minimum(bins - 1, np.floor(predicted * bins).astype(int))
    total = 0.0
    for b in range(bins):
        mask = index == b
        if mask.any():
            total += mask.sum() * abs(predicted[mask].mean() - labels[mask].mean())
    return total / len(labels)


def main(plan_path):
    plan = json.load(open(plan_path))
    with open(plan["csv"], newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    header, records = rows[0], rows[1:]
    kept = [records[line - 2] for line in plan["lines"]]
    label_at = header.index(plan["label"])
    labels = np.array([1 if r[label_at].strip().lower() in ("yes", "1", "true", "y", "t") else 0 for r in kept])
    columns = [c for c in plan["features"]]
    cpu = 0.0
    predicted = np.full(len(kept), np.nan)
    for fold in plan["folds"]:
        train, test = np.array(fold["train"]), np.array(fold["test"])
        matrix = np.zeros((len(kept), len(columns)))
        categorical = []
        for j, column in enumerate(columns):
            at = header.index(column)
            cells = [r[at].strip() for r in kept]
            missing = [c.lower() in MISSING for c in cells]
            numeric = column not in plan["categorical"]
            if numeric:
                try:
                    values = [float("nan") if m else float(c) for c, m in zip(cells, missing)]
                except ValueError:
                    numeric = False
            if numeric:
                matrix[:, j] = values
                categorical.append(False)
                continue
            # ordinal codes fitted on the training rows only; unseen levels are missing
            levels = {}
            for i in train:
                if not missing[i]:
                    levels.setdefault(cells[i], len(levels))
            if len(levels) > 250:
                levels = {}
            matrix[:, j] = [levels.get(c, np.nan) if not m else np.nan for c, m in zip(cells, missing)]
            categorical.append(len(levels) > 0)
        model = HistGradientBoostingClassifier(
            categorical_features=np.array(categorical) if any(categorical) else None,
            random_state=plan["seed"],
        )
        started = time.process_time()
        model.fit(matrix[train], labels[train])
        predicted[test] = model.predict_proba(matrix[test])[:, 1]
        cpu += time.process_time() - started
    mask = ~np.isnan(predicted)
    y, p = labels[mask], np.clip(predicted[mask], 1e-4, 1 - 1e-4)
    print(
        json.dumps(
            {
                "auc": roc_auc_score(y, p),
                "brier": brier_score_loss(y, p),
                "ece": ece(y, p),
                "logLoss": log_loss(y, p),
                "cpuSeconds": cpu,
                "peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
