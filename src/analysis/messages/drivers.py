"""Messages of the satisfaction-drivers analysis (notebook 03)."""

MESSAGES = {
    "en": {
        "drivers.quadrant.concentrate_here": "Concentrate here",
        "drivers.quadrant.keep_up_the_good_work": "Keep up the good work",
        "drivers.quadrant.low_priority": "Low priority",
        "drivers.quadrant.possible_overkill": "Possible overkill",
        "drivers.fig.importance.title": "What drives {outcome}: share of explained variance ({method})",
        "drivers.fig.importance.x": "Share of R² (R² = {r2:.2f}); bars: {level:.0%} bootstrap interval",
        "drivers.fig.coefficients.title": "Key-driver regression of {outcome}",
        "drivers.fig.coefficients.x": "Standardized coefficient (outcome SDs per attribute SD), {level:.0%} CI",
        "drivers.fig.ipa.title": "Importance-performance map",
        "drivers.fig.ipa.x": "Mean performance (rating scale {low:g}-{high:g})",
        "drivers.fig.ipa.y": "Importance (share of R²)",
        "drivers.fig.gaps.title": "SERVQUAL gaps: perception minus expectation",
        "drivers.fig.gaps.x": "Gap in scale points (negative = below expectations), {level:.0%} CI",
        "drivers.method.lmg": "LMG / Shapley",
        "drivers.method.relative_weights": "relative weights",
        "drivers.method.shapley_sampled": "sampled Shapley",
        "drivers.text.reliability": (
            "{n_ok} of {n} constructs reach Cronbach's alpha {threshold:g} or more "
            "(lowest: {low_name}, alpha {low_alpha:.2f})."
        ),
        "drivers.text.vif": (
            "The attributes correlate (mean correlation between attributes {mean_corr:.2f}; "
            "largest VIF {max_vif:.1f}, where values above 5 signal unstable coefficients), so "
            "the regression has to split their shared influence between them."
        ),
        "drivers.text.survey": "{n:,} respondents; drivers: {drivers}.",
        "drivers.text.model": (
            "The attributes explain {r2:.0%} of the variation in {outcome} (n = {n:,})."
        ),
        "drivers.finding.top_driver": (
            "{top} is the strongest driver of {outcome}: {share:.0%} of the explained variance "
            "({low:.0%}-{high:.0%}, {level:.0%} bootstrap interval), ranked first in "
            "{p_first:.0%} of bootstrap samples."
        ),
        "drivers.finding.gap": (
            "The largest shortfall against expectations is {name}: perception {perception:.2f} vs "
            "expectation {expectation:.2f}, a gap of {gap:+.2f} points ({low:+.2f} to {high:+.2f})."
        ),
        "drivers.finding.priority": (
            "Improve first: {first} (importance {share:.0%}, performance {performance:.2f}; top "
            "priority in {p_top:.0%} of bootstrap samples){then}."
        ),
        "drivers.finding.priority_then": ", then {names}",
        "drivers.list.item": (
            "{rank}. **{name}** - {quadrant}; importance {share:.0%} ({share_low:.0%}-{share_high:.0%}), "
            "performance {performance:.2f} ({perf_low:.2f}-{perf_high:.2f}); priority rank "
            "{rank_low}-{rank_high} across bootstrap samples."
        ),
        "drivers.fig.ipma.title": "Importance-performance map for {target} (PLS path model)",
        "drivers.fig.ipma.x": "Performance (mean score, 0-100)",
        "drivers.fig.ipma.y": "Importance (total effect on {target}, points per point)",
        "drivers.fig.stated.title": "Stated vs derived importance (Spearman rho = {rho:.2f})",
        "drivers.fig.stated.x": "Derived importance rank (1 = most important)",
        "drivers.fig.stated.y": "Stated importance rank (1 = most important)",
        "drivers.class.key_driver": "Key driver",
        "drivers.class.hidden_driver": "Hidden driver",
        "drivers.class.basic_expectation": "Basic expectation",
        "drivers.class.minor": "Minor",
        "drivers.text.pls": (
            "The structural model explains {r2_target:.0%} of the variance in {target} "
            "(goodness of fit {gof:.2f}; n = {n:,})."
        ),
        "drivers.finding.ipma": (
            "For {target}, {first} matters most per point of performance: 10 more points of its "
            "performance (now {performance:.0f} of 100) would lift {target} by about {gain:.1f} points"
            "{interval}. Improve first: {priority} (largest importance-weighted room for improvement)."
        ),
        "drivers.finding.ipma_interval": " ({low:.1f}-{high:.1f}, {level:.0%} bootstrap interval)",
        "drivers.finding.stated": (
            "What customers say matters and what moves {outcome} agree {agreement} (Spearman rho "
            "{rho:.2f}, {n} attributes){details}."
        ),
        "drivers.finding.stated_hidden": "; hidden drivers: {names}",
        "drivers.finding.stated_basic": "; stated as important but not driving {outcome}: {names}",
        "drivers.agreement.strong": "closely",
        "drivers.agreement.moderate": "partly",
        "drivers.agreement.weak": "little",
    },
}
