"""Performance figures for the suite: ``python -m benchmarks [--quick] [--json]``.

One run measures, side by side in one process (start-up in a subprocess):

* ``han_reports_per_s`` – Report Attributes frames carried end to end, emulated ESME → air → virtual
  radio → zigpy → HanSession → HomeModel (``han_throughput``);
* ``han_display_side_reports_per_s`` – the same distinct frames handed to the virtual radio with
  the meter at rest: delivery, zigpy, session, links and model (``display_side``);
* ``zigpy_reports_per_s`` – those frames fed straight into zigpy, no session (``zigpy_decode``),
  and ``han_vs_zigpy_ratio``, the display side's rate over zigpy's by CPU time, the median of pairs
  taken in turns;
* ``report_to_pixel_p50_ms`` / ``report_to_pixel_p95_ms`` – a report entering the radio until the IHD's
  demand label shows it (``report_to_pixel``);
* ``startup_s`` / ``startup_cold_s`` – ``python -m app --screenshot`` from spawn to exit, an upper
  bound on "start to first live reading", with the embedded home's past already kept in the user's
  cache (the usual start) and without it (the first start of a day) (``startup``).

Targets are reported (met yes/no), never asserted; the exit status is 1 only if a benchmark raised.
``--json`` prints one object keyed by figure name (layout in ``benchmarks.render``), with the machine,
the date and any errors under ``_machine``, ``_date`` and ``_errors``.
"""
