# Public tabular data sets shipped by Debian's R packages, written as CSV with a yes/no label column.
#   apt-get install -y r-cran-modeldata r-cran-kernlab
#   Rscript server/bench/sklearn-compare/export-datasets.R OUT_DIR
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[[1]] else "bench-data"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
yes_no <- function(x, positive) ifelse(as.character(x) == positive, "yes", "no")

data("mlc_churn", package = "modeldata")
churn <- as.data.frame(mlc_churn)
churn$churn <- yes_no(churn$churn, "yes")
write.csv(churn, file.path(out, "mlc_churn.csv"), row.names = FALSE)

data("credit_data", package = "modeldata")
credit <- as.data.frame(credit_data)
credit$Status <- yes_no(credit$Status, "bad")
write.csv(credit, file.path(out, "credit_data.csv"), row.names = FALSE)

data("spam", package = "kernlab")
spam <- as.data.frame(spam)
spam$type <- yes_no(spam$type, "spam")
write.csv(spam, file.path(out, "spam.csv"), row.names = FALSE)
