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
