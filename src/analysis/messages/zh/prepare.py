"""简体中文：研究的数据准备（analysis.prepare）：错误信息、准备报告中的说明、每个笔记本显示的提示。"""

#: the detail of a derived expression column is the expression itself, in every language
SAME_AS_ENGLISH = {"prepare.detail.expr"}

MESSAGES = {
    "zh": {
        # -- 表达式语言 ----------------------------------------------------------------------------
        "prepare.error.expression": "{key}：{reason}。{allowed}",
        "prepare.error.expression_allowed": (
            "表达式中可以使用：列名（或 col(\"含空格的列名\")）、数字、引号中的文本、True、False、None，"
            "运算符 + - * / // % **，比较（== != < <= > >=，也可连写），'in' / 'not in' 一个列表（如 "
            "['a', 'b']），and、or、not，以及函数 abs、log、exp、sqrt、round、isna、notna、"
            "where(condition, a, b) 和 row_number()（该行在文件中的行号，从 1 开始）"),
        "prepare.error.expr_not_text": "应为一个以文本写出的表达式，例如 \"age >= 18\"，实际为 {value}",
        "prepare.error.expr_too_long": "该表达式有 {n} 个字符，最多允许 {limit} 个（请先把其中一部分派生为单独的列）",
        "prepare.error.expr_too_big": "该表达式有 {n} 个组成部分，最多允许 {limit} 个（请先把其中一部分派生为单独的列）",
        "prepare.error.expr_syntax": "不是有效的表达式（{error}）",
        "prepare.error.expr_constant": "不允许使用取值 {value}（只允许数字、文本、True、False、None）",
        "prepare.error.expr_element": "{element} 不属于表达式语言",
        "prepare.error.expr_function": "函数 {name} 不可用{hint}（可用函数：{functions}）",
        "prepare.error.expr_arguments_exact": "{name}() 需要 {n} 个参数，且不写参数名",
        "prepare.error.expr_arguments": "{name}() 需要 {low} 到 {high} 个参数，且不写参数名",
        "prepare.error.expr_col": "col() 只接受一个写在引号中的列名，例如 col(\"emp.var.rate\")",
        "prepare.error.expr_round": "round(x, digits) 的位数 digits 须为 -15 到 15 之间的整数",
        "prepare.error.expr_in": "'in' 和 'not in' 后面需要一个逐项写出的数字或文本列表，例如 "
                                 "job in ['admin.', 'services']，且不能连写",
        "prepare.error.expr_unknown_column": "文件中没有列 {column}（之前也没有派生出该列）{hint}",
        "prepare.error.expr_text_arithmetic": "算术运算需要数字，但列 {column} 含有文本，例如 {value}；"
                                              "请先把它重新编码为数字（derive: recode）",
        "prepare.error.expr_not_condition": "应为一个条件（真或假），例如 age >= 18，实际得到的是 {value} 这样的取值",
        "prepare.error.expr_compare_types": "无法比较 {left} 与 {right}：数字只能与数字比较，文本只能与引号中的文本比较",
        "prepare.error.expr_failed": "无法在这份数据上计算（{error}）",
        "prepare.error.no_table": "本研究没有 {table} 表（现有的表：{tables}）。请在研究文件的 data: 下添加一个"
                                  "（docs/tables.md 列出了每种表包含的内容），或者打开一个适用于本研究现有表的笔记本。",
        # -- 研究文件中的键 ------------------------------------------------------------------------
        "prepare.error.code_bool": "YAML 会把 {value} 读作 true/false；请把代码写在引号中，例如 \"no\" 或 \"yes\"",
        "prepare.error.code_type": "代码应为数字或文本，例如 999 或 unknown，实际为 {value}",
        "prepare.error.codes_list": "应为一个代码列表，例如 [unknown, 999]，或一个“列 -> 代码”的映射"
                                    "（每列一行，例如 pdays: [999]），实际为 {value}",
        "prepare.error.unknown_column": "文件中没有列 {column}（之前也没有派生出该列）{hint}（现有的列：{columns}）",
        "prepare.error.derive_mapping": "应为一个“新列 -> 计算方法”的映射，例如以嵌套映射写出的 "
                                        "satisfaction: (mean: [sat1, sat2])，实际为 {value}",
        "prepare.error.derive_name": "新列需要一个文本形式的名称，实际为 {value}",
        "prepare.error.derive_clash": "文件中已有列 {column}；请给派生列另取一个名字（或在 columns: 下映射文件中的这一列）",
        "prepare.error.derive_kind": "应为一个恰好包含 {kinds} 之一的映射，例如 mean: [sat1, sat2]，实际为 {value}",
        "prepare.error.derive_key": "{kind} 列不认识键 {value}{hint}（可用的键：{keys}）",
        "prepare.error.column_list": "应为一个列名列表，例如 [sat1, sat2, sat3]，实际为 {value}",
        "prepare.error.column_twice": "列 {column} 被列出了两次",
        "prepare.error.min_items": "应为 1 到 {n} 之间的整数（这些列中至少要有几列有值），实际为 {value}",
        "prepare.error.label": "标签应为文本或数字，实际为 {value}",
        "prepare.error.largest_mapping": "应为一个“列 -> 标签”的映射，每列一行，例如 NumWebPurchases: web，实际为 {value}",
        "prepare.error.recode_map": "应为一个“取值 -> 新取值”的映射，每个取值一行，例如 \"yes\": 1，实际为 {value}",
        "prepare.error.edges": "应为至少两个递增的数字，例如 [18, 30, 45, 65, 120]，实际为 {value}",
        "prepare.error.bin_labels": "应为 {n} 个互不相同的标签，相邻两个分界点之间的每个区间一个，实际为 {value}",
        "prepare.error.right": "应为 true（区间包含右端点）或 false（区间包含左端点，默认），实际为 {value}",
        "prepare.error.not_dataset": "数据准备（missing_codes、derive、filter）只适用于从文件读取的表；"
                                     "使用 'dataset:' 的研究不能声明它：请删除 {key}，或以文件形式提供各表",
        "prepare.error.not_lazy": "保留在磁盘上的表（engine: duckdb）不支持数据准备（missing_codes、derive、filter）；"
                                  "请删除它，或把该表载入内存（删除 engine、memory_limit、temp_directory）",
        # -- 数据 ----------------------------------------------------------------------------------
        "prepare.error.not_numbers": "{key}：列 {column} 必须是数字，但有 {n} 行是文本，例如 {values}"
                                     "（第 {rows} 行，从 1 开始计数）；请把这类代码列在 missing_codes 下，或对它们重新编码",
        "prepare.error.unmapped": "{key}：列 {column} 中有 {n} 个取值在 map 中没有列出：{values}"
                                  "（取值（行号））；请把它们加入 map:，或用 other: 为所有未列出的取值指定结果{hint}",
        "prepare.hint.yaml_booleans": "；YAML 会把不带引号的 yes/no/on/off 读作 true/false：请写成带引号的 "
                                      "\"yes\": 1、\"no\": 0",
        "prepare.error.filter_not_condition": "{key}：筛选条件必须是一个条件（真或假），例如 age >= 18；"
                                              "而这个条件得到的是 {value} 这样的取值",
        # -- 准备报告（表、步骤、列、说明） --------------------------------------------------------
        "prepare.all_columns": "（所有列）",
        "prepare.detail.codes": "代码：{codes}",
        "prepare.detail.mean": "平均值：{columns}",
        "prepare.detail.sum": "求和：{columns}",
        "prepare.detail.min": "最小值：{columns}",
        "prepare.detail.max": "最大值：{columns}",
        "prepare.detail.recode": "重新编码：{columns}",
        "prepare.detail.bins": "分组：{column}，分界点 {edges}；{outside} 个取值落在范围之外",
        "prepare.detail.largest": "最大者的标签：{columns}",
        "prepare.detail.expr": "{expression}",
        "prepare.detail.filter": "保留满足 {expression} 的行；{missing} 行因条件无法判断（有缺失值）而被删除",
        "prepare.detail.cleaning.duplicates": "删除完全重复的行",
        "prepare.detail.cleaning.zero_amounts": "删除金额为 0 的交易",
        # -- 每个笔记本显示的提示 ------------------------------------------------------------------
        "prepare.note.heading": "**研究声明的数据准备**（在每项分析之前执行一次）：",
        "prepare.note.codes_all": "{table}：代码 {codes} 在所有列中都视为缺失值。",
        "prepare.note.codes_column": "{table}：在列 {column} 中，代码 {codes} 视为缺失值。",
        "prepare.note.rowwise_all": "{table}：新列 {name} = 以下各列的{kind}：{columns}（其中任一列缺失时为缺失值）。",
        "prepare.note.rowwise_some": "{table}：新列 {name} = 以下各列中有值者的{kind}：{columns}（至少有 {n} 列有值时才计算）。",
        "prepare.note.kind.mean": "平均值",
        "prepare.note.kind.sum": "总和",
        "prepare.note.kind.min": "最小值",
        "prepare.note.kind.max": "最大值",
        "prepare.note.recode": "{table}：新列 {name} 对 {columns} 重新编码。",
        "prepare.note.bins": "{table}：新列 {name} 按分界点 {edges} 对 {columns} 分组。",
        "prepare.note.largest": "{table}：新列 {name} = 以下各列中最大者的标签：{columns}（并列时取列在最前面的一列）。",
        "prepare.note.expr": "{table}：新列 {name} = {expression}。",
        "prepare.note.filter": "{table}：只分析满足 {expression} 的行（因有缺失值而无法判断的行被删除）。",
        "prepare.note.cleaning.duplicates.drop": "transactions：删除完全重复的行（数据清理）。",
        "prepare.note.cleaning.duplicates.keep": "transactions：保留完全重复的行（数据清理）。",
        "prepare.note.cleaning.zero_amounts.drop": "transactions：删除金额为 0 的交易（数据清理）。",
        "prepare.note.cleaning.zero_amounts.keep": "transactions：保留金额为 0 的交易（数据清理）。",
    },
}
