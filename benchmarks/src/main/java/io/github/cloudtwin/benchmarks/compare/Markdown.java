package io.github.cloudtwin.benchmarks.compare;

import java.util.Locale;

/** Renders a {@link Compare.Report} as the generated section of docs/comparison.md. */
final class Markdown {

  private Markdown() {}

  static String section(Compare.Report r) {
    StringBuilder md = new StringBuilder();
    md.append("### Run\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| date (UTC) | ").append(r.date).append(" |\n");
    md.append("| machine | ").append(esc(r.machine)).append(" |\n");
    md.append("| Java | ").append(esc(r.java)).append(" |\n");
    md.append("| moto | ")
        .append(
            r.motoAbsent == null
                ? esc(r.motoVersion) + " (`moto_server` on 127.0.0.1, a free port)"
                : "**absent**: " + esc(r.motoAbsent))
        .append(" |\n");
    md.append("| AWS SDK for Java v2 | ")
        .append(esc(r.sdk))
        .append(" (URL-connection HTTP client) |\n");
    if (r.httpVersions != null) {
      md.append("| nginx, wrk | ").append(esc(r.httpVersions)).append(" |\n");
    }
    if (!r.twinMissing.isEmpty()) {
      md.append("| CloudTwin estate | **partial**: this build has no ")
          .append(esc(r.twinMissing))
          .append(" (feature not merged); those parts are not created and not timed |\n");
    }
    md.append('\n');

    // ------------------------------------------------------------ targets
    md.append("### Targets\n\n| target | result | met? |\n|---|---|---|\n");
    String ratioText;
    String ratioMet;
    if (r.motoSetup == null) {
      ratioText = "not measured: " + esc(r.motoAbsent);
      ratioMet = "not measured";
    } else {
      double ratio = (double) r.motoSetup.median() / r.twinSetup.median();
      ratioText =
          String.format(
              Locale.ROOT,
              "%.0f× faster (median %s vs %s)",
              ratio,
              Stats.human(r.twinSetup.median()),
              Stats.human(r.motoSetup.median()));
      boolean met = ratio >= Compare.SETUP_TARGET;
      ratioMet =
          !r.twinMissing.isEmpty()
              ? (met ? "not yet: figure is for a partial estate" : "**no**, and partial estate")
              : met ? "yes" : "**no**";
    }
    md.append("| set-up at least 100× faster than moto through the SDK | ")
        .append(ratioText)
        .append(" | ")
        .append(ratioMet)
        .append(" |\n");
    if (r.sdkSetup != null) {
      String sdkRatio =
          r.motoSetup == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; %.0f× faster than moto through the same SDK",
                  (double) r.motoSetup.median() / r.sdkSetup.median());
      md.append("| the estate through the SDK clients on CloudTwin, median under ")
          .append(Stats.human(Compare.SDK_TARGET_NANOS))
          .append(" | median ")
          .append(Stats.human(r.sdkSetup.median()))
          .append(sdkRatio)
          .append(" | ")
          .append(r.sdkSetup.median() < Compare.SDK_TARGET_NANOS ? "yes" : "**no**")
          .append(" |\n");
    }
    int asAws = 0;
    int asked = 0;
    for (Question q : Question.values()) {
      Answer t = r.twin.get(q);
      if (t != null && !t.verdict().equals("not measured")) {
        asked++;
        if (t.verdict().equals(q.awsVerdict)) asAws++;
      }
    }
    int total = Question.values().length;
    md.append("| every behaviour question answered as AWS documents | CloudTwin: ")
        .append(asAws)
        .append(" of ")
        .append(total)
        .append(" as AWS")
        .append(asked < total ? " (" + (total - asked) + " not yet measured)" : "")
        .append(" | ")
        .append(asAws == total ? "yes" : "**no**")
        .append(" |\n\n");

    // ------------------------------------------------------------ set-up
    md.append("### 1. Set-up speed: create the estate and read it back\n\n");
    md.append(
        "One round = create every resource of the estate and read all of it back (the counts are checked, "
            + "so a broken set-up fails the run instead of looking fast). moto: through the SDK, clients built once, "
            + "moto reset before each round (not timed), 3 warm-up rounds. CloudTwin: build a twin, create the estate, "
            + "advance virtual time 1 minute (instances booted and InService), read back, close the twin; "
            + "as many warm-up rounds as measured ones (JIT). The machine is shared: see its load average above.\n\n");
    md.append(
        "| system | rounds | median | p10 | p90 | IQR (p25–p75) | min | max |\n|---|---|---|---|---|---|---|---|\n");
    row(
        md,
        r.motoAbsent == null ? "moto " + r.motoVersion + " via SDK" : "moto via SDK",
        r.motoSetup,
        r.motoAbsent);
    row(
        md,
        "CloudTwin in-process" + (r.twinMissing.isEmpty() ? "" : " (partial estate)"),
        r.twinSetup,
        null);
    if (r.sdkSetup != null)
      row(md, "CloudTwin through the SDK clients (`cloudtwin-aws-sdk`)", r.sdkSetup, null);
    if (r.sdkSetup != null) {
      md.append(
              "\nCloudTwin through the SDK clients: the same calls and arguments as the moto column, on the same SDK "
                  + "version, except that the twin's zones come with their subnets (`DescribeSubnets` instead of `CreateVpc` and "
                  + "`CreateSubnet`) and it needs no security group or image; read back with the same describe calls. Its rounds "
                  + "are interleaved with the others. CPU time per round (mean): ")
          .append(Stats.human(r.sdkCpu / r.sdkSetup.rounds()))
          .append(".\n");
    }
    if (r.motoSetup != null) {
      double ratio = (double) r.motoSetup.median() / r.twinSetup.median();
      double conservative = (double) r.motoSetup.p10() / r.twinSetup.p90();
      md.append(cpuLine(r));
      md.append(
          String.format(
              Locale.ROOT,
              "%nRatio of medians: **%.0f×** (moto / CloudTwin); moto's p10 over "
                  + "CloudTwin's p90: %.0f×. Target: at least %.0f×.%n%n",
              ratio,
              conservative,
              Compare.SETUP_TARGET));
    } else {
      md.append("\nCPU time per round (mean): CloudTwin ")
          .append(Stats.human(r.twinCpu / r.twinSetup.rounds()))
          .append(".\n\nRatio: not measured (moto absent).\n\n");
    }

    // ------------------------------------------------------------ behaviour
    md.append("### 2. Behaviour: the same questions put to both\n\n");
    md.append(
        "Each cell is derived from what the system's API returned in this run (moto: describe calls "
            + "through the SDK; CloudTwin: its public API), not written by hand.\n\n");
    md.append(
        "| question | moto | CloudTwin | AWS documents | CloudTwin as AWS? |\n|---|---|---|---|---|\n");
    for (Question q : Question.values()) {
      Answer m = r.moto.get(q);
      Answer t = r.twin.get(q);
      String same =
          t == null || t.verdict().equals("not measured")
              ? "not yet measured"
              : t.verdict().equals(q.awsVerdict) ? "yes" : "**no**";
      md.append("| ")
          .append(esc(q.text))
          .append(" | ")
          .append(m == null ? "" : esc(m.cell()))
          .append(" | ")
          .append(t == null ? "" : esc(t.cell()))
          .append(" | ")
          .append(esc(q.aws))
          .append(" | ")
          .append(same)
          .append(" |\n");
    }
    md.append('\n');

    // ------------------------------------------------------------ time to verdict
    md.append(
        "### 3. Time to verdict: \"average CPU above 80 % for two 5-minute periods adds two instances\"\n\n");
    md.append("| system | outcome | wall time |\n|---|---|---|\n");
    TwinSide.Verdict v = r.verdict;
    md.append("| CloudTwin | alarm ALARM at +")
        .append(v.alarmAt() == null ? "never" : Compare.clock(v.alarmAt()))
        .append(", desired ")
        .append(v.desiredBefore())
        .append(" → ")
        .append(v.desiredAfter())
        .append(" at +")
        .append(v.desiredAt() == null ? "never" : Compare.clock(v.desiredAt()))
        .append(", ")
        .append(v.desiredAfter())
        .append(" InService at +")
        .append(v.inServiceAt() == null ? "never" : Compare.clock(v.inServiceAt()))
        .append(" (virtual time) | median ")
        .append(Stats.human(r.verdictWall.median()))
        .append(", p90 ")
        .append(Stats.human(r.verdictWall.p90()))
        .append(" (")
        .append(r.verdictWall.rounds())
        .append(" rounds, whole scenario incl. building the twin) |\n");
    md.append(
        "| any wall-clock emulator | cannot know before two 5-minute periods have passed | at least 10 min |\n");
    Answer m = r.moto.get(Question.ALARM);
    if (r.motoAbsent != null) {
      md.append("| moto | not measured: ")
          .append(esc(r.motoAbsent))
          .append(" | not measured |\n\n");
    } else {
      boolean ran = m.verdict().equals("yes");
      md.append("| moto ")
          .append(esc(r.motoVersion))
          .append(" | ")
          .append(esc(m.evidence()))
          .append(" | ")
          .append(
              ran
                  ? "verdict within " + Stats.human(Compare.MOTO_WAIT.toNanos())
                  : "no verdict: nothing evaluated in the "
                      + Stats.human(Compare.MOTO_WAIT.toNanos())
                      + " waited")
          .append(" |\n\n");
    }
    if (r.motoVerdict != null) {
      md.append("Measured on moto: ")
          .append(esc(r.motoVerdict))
          .append(' ')
          .append(esc(r.motoSetAlarmState))
          .append("\n\n");
    }

    // ------------------------------------------------------------ HTTP
    md.append("### 4. HTTP data plane: nginx vs the twin's HTTP listener\n\n");
    if (r.http == null) {
      md.append("Not measured in this run: ").append(esc(r.httpAbsent)).append(".\n");
    } else {
      md.append("Output of `benchmarks/scripts/http-vs-nginx.sh` in this run:\n\n```\n")
          .append(r.http)
          .append("\n```\n");
    }
    return md.toString();
  }

  private static String cpuLine(Compare.Report r) {
    long twin = r.twinCpu / r.twinSetup.rounds();
    StringBuilder sb =
        new StringBuilder(
                "\nCPU time per round (mean; less sensitive to other load on the machine): CloudTwin ")
            .append(Stats.human(twin))
            .append(" (this JVM, every thread); moto ");
    long client = r.motoClientCpu / r.motoSetup.rounds();
    if (r.motoServerCpu < 0) {
      sb.append("server not measured (no /proc), SDK client ")
          .append(Stats.human(client))
          .append(".\n");
    } else {
      long server = r.motoServerCpu / r.motoSetup.rounds();
      sb.append(Stats.human(server + client))
          .append(" (moto_server process ")
          .append(Stats.human(server))
          .append(" + SDK client JVM ")
          .append(Stats.human(client))
          .append(
              String.format(
                  Locale.ROOT, "): %.0f×.%n", (double) (server + client) / Math.max(1, twin)));
    }
    return sb.toString();
  }

  private static void row(StringBuilder md, String name, Stats s, String absent) {
    if (s == null) {
      md.append("| ")
          .append(esc(name))
          .append(" | not measured: ")
          .append(esc(absent))
          .append(" | | | | | | |\n");
      return;
    }
    md.append("| ")
        .append(esc(name))
        .append(" | ")
        .append(s.rounds())
        .append(" | **")
        .append(Stats.human(s.median()))
        .append("** | ")
        .append(Stats.human(s.p10()))
        .append(" | ")
        .append(Stats.human(s.p90()))
        .append(" | ")
        .append(Stats.human(s.p25()))
        .append(" – ")
        .append(Stats.human(s.p75()))
        .append(" | ")
        .append(Stats.human(s.min()))
        .append(" | ")
        .append(Stats.human(s.max()))
        .append(" |\n");
  }

  private static String esc(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }
}
