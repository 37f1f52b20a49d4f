"""Messages about a study's shared settings: currency names, the cleaning policy."""

MESSAGES = {
    "en": {
        "study.suggest": "; did you mean '{name}'?",
        "study.currency.none": "currency units",
        "study.currency.USD": "US dollars",
        "study.currency.EUR": "euros",
        "study.currency.GBP": "pounds sterling",
        "study.currency.CNY": "yuan",
        "study.currency.JPY": "yen",
        "study.currency.HKD": "Hong Kong dollars",
        "study.currency.TWD": "New Taiwan dollars",
        "study.currency.CHF": "Swiss francs",
        "study.currency.CAD": "Canadian dollars",
        "study.currency.AUD": "Australian dollars",
        "study.currency.INR": "rupees",
        "study.currency.BRL": "reais",
    },
}
