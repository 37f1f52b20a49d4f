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
    },
}
