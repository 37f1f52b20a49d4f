"""The eight RFM value classes of Chinese CRM teaching (notebook 01): class names, the treatment the
courses give each class, the figure and the finding."""

MESSAGES = {
    "en": {
        "value_classes.class.important_value": "Important value customers",
        "value_classes.class.important_development": "Important development customers",
        "value_classes.class.important_retention": "Important retention customers",
        "value_classes.class.important_win_back": "Important win-back customers",
        "value_classes.class.general_value": "General value customers",
        "value_classes.class.general_development": "General development customers",
        "value_classes.class.general_retention": "General retention customers",
        "value_classes.class.general_win_back": "General win-back customers",
        "value_classes.strategy.important_value": "Keep them: VIP service, personal attention, first access to new offers.",
        "value_classes.strategy.important_development": "Raise their purchase frequency: loyalty rewards, cross-selling, reminders to come back.",
        "value_classes.strategy.important_retention": "Contact them actively and bring them back before they lapse.",
        "value_classes.strategy.important_win_back": "Win them back as a priority: find out why they left, make a personal offer.",
        "value_classes.strategy.general_value": "Raise their spend: upgrades, bundles and value-added services.",
        "value_classes.strategy.general_development": "Develop them at low cost: welcome offers and standard promotions.",
        "value_classes.strategy.general_retention": "Remind them at low cost: automated e-mails and seasonal offers.",
        "value_classes.strategy.general_win_back": "Spend little: occasional low-cost campaigns, or let them go.",
        "value_classes.reference.median": "median",
        "value_classes.reference.mean": "mean",
        "value_classes.fig.title": "RFM value classes: customers and revenue",
        "value_classes.axis.share": "Share (%)",
        "value_classes.axis.class": "Value class",
        "value_classes.axis.customer_share": "Share of customers",
        "value_classes.axis.revenue_share": "Share of revenue",
        "value_classes.finding.classes": (
            "Compared with the customers' {reference} recency ({r_ref:,.0f} days), frequency ({f_ref:,.1f}) and "
            "spend ({m_ref:,.2f}), the largest of the eight value classes is {largest} ({largest_share:.1%} of "
            "customers); {top_class} bring the most revenue: {top_revenue_share:.1%} of it from {top_share:.1%} of "
            "customers."),
        "value_classes.note.no_money": (
            "The eight RFM value classes need amounts (M): this study's log counts purchases only, so they are "
            "skipped."),
        "value_classes.note.skipped": "The eight RFM value classes are skipped (`rfm_class_reference = None`).",
    },
}
