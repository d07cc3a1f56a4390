#!/bin/sh
# Fail if any program log holds an AddressSanitizer or UBSan report.
dir=${1:?logdir}
if grep -l -E 'ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer' "$dir"/*.log 2>/dev/null; then
	echo "sanitizer reports found in the logs above" >&2
	exit 1
fi
exit 0
