"""scaling.png from results.json: controller memory, CPU and rate against M, one line per N."""

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(results, output):
    report = json.load(open(results))
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    for run in report["runs"]:
        steps = run.get("bulk", [])
        if not steps:
            continue
        n = run["switches"]
        flows = [0] + [s["flows"] for s in steps]
        axes[0].plot(flows, [run["idle"]["rss_mib"]] + [s["after_load"]["rss_mib"] for s in steps], "o-",
                     label=f"N={n}")
        axes[1].plot(flows[1:], [s["cpu_seconds_used"] for s in steps], "o-", label=f"N={n} load")
        axes[1].plot(flows, [run["idle"]["idle_cpu_percent"] / 100] + [s["after_load"]["idle_cpu_percent"] / 100
                                                                       for s in steps], "x--",
                     label=f"N={n} idle (cores)")
        axes[2].plot(flows[1:], [s["flows_per_s"] for s in steps], "o-", label=f"N={n} RESTCONF")
        axes[2].plot(flows[1:], [s["raw_add_flows"]["flows_per_s"] for s in steps], "s--", label=f"N={n} add-flows")
        axes[2].plot(flows[1:], [s["raw_bundle"]["flows_per_s"] for s in steps], "^:", label=f"N={n} --bundle")
    titles = ("controller resident memory (MiB)", "controller CPU: s for the load / idle cores after",
              "flows per second to the switches")
    for axis, title in zip(axes, titles):
        axis.set_title(title, fontsize=10)
        axis.set_xlabel("M filters (flows)")
        axis.set_xscale("symlog", linthresh=1000)
        axis.grid(True, alpha=0.3)
        axis.legend(fontsize=7)
    axes[2].set_yscale("log")
    fig.suptitle(f"CNSMO SDN benchmark {report['started']} ({report['machine']['nproc']} CPUs)")
    fig.tight_layout()
    fig.savefig(output, dpi=100)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
