"""Words of the course companion: exercise levels, course topics, checking answers, the workbooks' frame."""

MESSAGES = {
    "en": {
        "course.level.read": "read a result",
        "course.level.compute": "compute by hand",
        "course.level.change": "change a parameter",
        "course.level.apply": "apply to new data",
        "course.topic.customer_database": "The customer database",
        "course.topic.value_indicators": "Customer value indicators",
        "course.topic.value_tiers": "Value tiers and managing each tier",
        "course.topic.key_accounts": "Key accounts",
        "course.topic.lifecycle": "Lifecycle stages and a strategy per stage",
        "course.topic.one_to_one": "One-to-one marketing",
        "course.topic.segmentation": "Segmentation and targeting",
        "course.topic.clv": "Customer lifetime value",
        "course.topic.retention": "Retention and churn",
        "course.topic.relationship_value": "Relationship-marketing value",
        "course.topic.satisfaction": "Satisfaction: expectation vs perception",
        "course.topic.service_quality": "The five SERVQUAL service quality dimensions",
        "course.topic.satisfaction_index": "Satisfaction index",
        "course.topic.loyalty": "Loyalty and loyalty programmes",
        "course.topic.complaints": "Complaints and service recovery",
        "course.topic.promotion": "Promotion and offers",
        "course.topic.cross_selling": "Cross-selling and value-added services",
        "course.topic.channels": "Channels",
        "course.topic.targets": "Evaluation against targets",
        # checking an answer
        "course.check.right": "**{id}** ✓ Right: your answer agrees with the package's for your firm.",
        "course.check.wrong": "**{id}** ✗ Not yet: {why} Try again, or ask for a hint with `wb.hint(\"{id}\")`.",
        "course.check.missing": "**{id}** No answer yet: set `answer = ...` in the cell above and run it again.",
        "course.check.off": "the value is not the expected one (within the exercise's tolerance).",
        "course.check.labels": "the labels (keys or index) are not the expected ones.",
        "course.check.want_number": "a number is expected.",
        "course.check.want_text": "a text (a name) is expected.",
        "course.check.want_bool": "`True` or `False` is expected.",
        "course.check.want_dict": "a dict of name -> value is expected.",
        "course.check.want_series": "a pandas Series (or a dict) is expected.",
        "course.check.want_list": "a list of names is expected.",
        "course.hint": "**Hint ({id}).** {text}",
        "course.model_answer": "**Model answer ({id}, seed {seed}).** {text}",
        # the teacher's guide's generated blocks
        "course.guide.exercise": "exercise",
        "course.guide.level": "level",
        "course.guide.topic": "course topic",
        "course.guide.title": "title",
        "course.guide.workbook": "Workbook {notebook}",
        "course.guide.story_story": "story",
        "course.guide.story_notebook": "notebook",
        "course.guide.story_evidence": "what the analysis shows",
        "course.guide.story_holds": "shows as planted",
        "course.guide.yes": "yes",
        "course.guide.no": "no",
        "course.guide.stories_seed": "The class study's own firm (seed {seed}), analysed with the notebooks' functions and default parameters:",
        "course.story.channel": "A channel that looks best until adjusted",
        "course.story.channel.evidence": (
            "{subject} has the best raw visit rate: {naive:+.3f} against control. Adjusted for the customer mix its "
            "difference is {estimate:+.3f} ({ci_low:+.3f} to {ci_high:+.3f}), below {benchmark_subject}'s "
            "{benchmark:+.3f}: rank {rank} of the channels once adjusted."),
        "course.story.loyalty": "A loyalty programme that does not pay",
        "course.story.loyalty.evidence": (
            "Members spend {naive:.2f} times as much per order as non-members at first sight, {estimate:.2f} "
            "({ci_low:.2f} to {ci_high:.2f}) once members are compared with similar non-members; the programme's "
            "net is {benchmark:,.0f}: it {verdict}."),
        "course.story.gap": "A dimension where expectations outrun performance",
        "course.story.gap.evidence": (
            "{subject}: perception minus expectation {estimate:+.2f} points ({ci_low:+.2f} to {ci_high:+.2f}), "
            "mean perception {naive:.2f}; the next largest gap is {benchmark_subject}'s {benchmark:+.2f}. "
            "{subject} ranks {rank} among the drivers of overall satisfaction."),
        "course.story.key_account": "A key account at risk",
        "course.story.flag.overdue": "overdue",
        "course.story.flag.trend_rising": "value rising",
        "course.story.flag.trend_falling": "value falling",
        "course.story.flag.trend_flat": "value flat",
        "course.story.flag.trend_short": "too short a history for a trend",
        "course.story.key_account.evidence": (
            "Customer {subject}, key account number {rank}: {estimate:,.0f} spent in all, {naive:,.0f} in the "
            "last 365 days, but no purchase for {benchmark:.0f} days (profile flags: {verdict})."),
        # the workbooks' frame
        "course.workbook.title": "Exercises · {title}",
        "course.workbook.intro": (
            "These exercises go with notebook **{notebook}**. They run on the class study, a synthetic service firm "
            "(`params/class_study.yaml`): set `seed` below to the number your teacher gave you, so that your firm, "
            "and your answers, are your own. The levels go from reading a result, to computing it by hand, to "
            "changing a parameter and explaining what moved, to applying the method to new data.\n\n"
            "For each exercise: complete the code cell so that it sets `answer`, then run the cell "
            "`wb.check(...)` under it. `wb.hint(\"{first}\")` gives a hint and `wb.answer(\"{first}\")` the model "
            "answer for your firm. `wb.tables` holds your firm's tables (the ones the notebook loads) and "
            "`wb.parameters()` the notebook's parameters for the class study."),
        "course.workbook.exercise": "## {id} · {title}\n\n*{level} · {topic}*\n\n{question}",
    },
}
