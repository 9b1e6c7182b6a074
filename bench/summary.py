"""A short human summary of results.json, with the issue's targets."""

import json
import sys


def _lat(stats):
    if not stats:
        return "not measured"
    return f"p50 {stats['p50_ms']} ms, p90 {stats['p90_ms']} ms, p99 {stats['p99_ms']} ms, max {stats['max_ms']} ms"


def _verdict(ok):
    return "MET" if ok else "MISSED"


def summarize(report):
    m = report["machine"]
    out = [f"CNSMO SDN benchmark, {report['started']}, {report.get('wall_seconds', '?')} s",
           f"machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['mem_total']} RAM, kernel {m['kernel']}, {m['ovs']}",
           f"load average (1/5/15 min) at start {m.get('loadavg_at_start')}, at end {report.get('loadavg_at_end')}",
           ""]
    table = ["| N switches | M flows | RESTCONF flows/s | add-flows flows/s | --bundle flows/s | ratio add-flows"
             " | ratio bundle | RSS after (MiB) | controller CPU for the load (s) | idle CPU after (%) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for run in report["runs"]:
        n = run["switches"]
        idle = run.get("idle", {})
        out.append(f"N={n}: boot to ready {run['boot_to_ready_s']} s ({run['at_ready']['rss_mib']} MiB); "
                   f"idle with {n} switches: {idle.get('rss_mib')} MiB, {idle.get('cpu_seconds')} s CPU so far, "
                   f"{idle.get('idle_cpu_percent')} % of a core")
        lat = run.get("latency")
        if lat:
            out.append(f"  single add    ({lat['add']['count']}): {_lat(lat['add'])}  "
                       f"[target p99 < 100 ms: {_verdict(lat['add']['p99_ms'] < 100)}]")
            out.append(f"  single delete ({lat['delete']['count']}): {_lat(lat['delete'])}")
            out.append(f"  HTTP response to the add: {_lat(lat['add_http_response'])}")
        loaded = run.get("latency_loaded")
        if loaded:
            out.append(f"  with {loaded['filters_present']} filters present: add {_lat(loaded['add'])}  "
                       f"[target p99 < 100 ms: {_verdict(loaded['add']['p99_ms'] < 100)}]")
            out.append(f"  with {loaded['filters_present']} filters present: delete {_lat(loaded['delete'])}")
            out.append(f"  with {loaded['filters_present']} filters present: HTTP response to the add: "
                       f"{_lat(loaded['add_http_response'])}")
        for step in run.get("bulk", []):
            out.append(f"  bulk {step['flows']} flows: {step['flows_per_s']} flows/s end to end "
                       f"(HTTP {step['http_s']} s, all on switches {step['all_on_switches_s']} s); "
                       f"raw add-flows {step['raw_add_flows']['flows_per_s']}/s, --bundle "
                       f"{step['raw_bundle']['flows_per_s']}/s; ratio {step['ratio_to_add_flows']} / "
                       f"{step['ratio_to_bundle']} [target >= 0.5 of add-flows: "
                       f"{_verdict(step['ratio_to_add_flows'] >= 0.5)}; issue 14's >= 0.5 of --bundle: "
                       f"{_verdict(step['ratio_to_bundle'] >= 0.5)}]; delete all {step['delete_all_s']} s; "
                       f"{step.get('repairs', '?')} repairs")
            if step.get("warmup_rounds"):
                out.append(f"    warm-up loads first (not counted), flows/s: "
                           f"{[warm['flows_per_s'] for warm in step['warmup_rounds']]}")
            if "round_ratios_to_add_flows" in step:
                out.append(f"    medians of {len(step['rounds'])} rounds; ratio to add-flows per round: "
                           f"{step['round_ratios_to_add_flows']}")
            after = step["after_load"]
            table.append(f"| {n} | {step['flows']} | {step['flows_per_s']} | {step['raw_add_flows']['flows_per_s']}"
                         f" | {step['raw_bundle']['flows_per_s']} | {step['ratio_to_add_flows']}"
                         f" | {step['ratio_to_bundle']} | {after['rss_mib']} | {step['cpu_seconds_used']}"
                         f" | {after['idle_cpu_percent']} |")
        fresh = run.get("freshness")
        if fresh:
            out.append(f"  counter freshness over RESTCONF ({fresh['restconf']['count']}): {_lat(fresh['restconf'])}"
                       f" [target < 2 s: {_verdict(fresh['restconf']['max_ms'] < 2000)}]")
            out.append(f"  (packet counted on the switch after: {_lat(fresh['switch_counter'])}; "
                       f"poll cycle {fresh['observation_cycle_ms']} ms)")
        out.append("")
    out += table
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(summarize(json.load(open(sys.argv[1]))))
