"""简体中文：研究的共用设置：货币名称。"""

MESSAGES = {
    "zh": {
        "study.suggest": "；是不是想写“{name}”？",
        "study.currency.none": "货币单位",
        "study.currency.USD": "美元",
        "study.currency.EUR": "欧元",
        "study.currency.GBP": "英镑",
        "study.currency.CNY": "元",
        "study.currency.JPY": "日元",
        "study.currency.HKD": "港元",
        "study.currency.TWD": "新台币",
        "study.currency.CHF": "瑞士法郎",
        "study.currency.CAD": "加元",
        "study.currency.AUD": "澳元",
        "study.currency.INR": "卢比",
        "study.currency.BRL": "雷亚尔",
    },
}
