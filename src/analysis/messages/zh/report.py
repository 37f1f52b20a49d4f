"""简体中文：运行前检查（``analysis check``、``analysis run``）与被跳过的笔记本的文字。"""

MESSAGES = {
    "zh": {
        # 笔记本需要什么（analysis.report.requirements.NEEDS），用在“需要{alternatives}”中
        "report.need.table": "一个 {table} 表",
        "report.need.table_columns": "一个含有列 {columns} 的 {table} 表",
        "report.need.parameter": "参数 {parameter}",
        "report.need.and": "{first}和{second}",
        "report.need.or": "，或",
        "report.skip.reason": (
            "笔记本 {notebook} 需要{needs}；本研究有：{tables}。如要运行它，请在研究文件的 data: 下添加这样的表。"
        ),
        "report.skip.no_tables": "没有任何表",
        "report.index.before_run": (
            "在任何内核启动之前就被检查拦下（问题出在研究的数据，或某个指定列的参数）：请修正研究后重新运行。"
        ),
        "report.index.skipped": "，{n} 个跳过（研究缺少它们所需的输入）",
        # 指定列的参数（研究或 -p 给出的列在表中不存在）
        "report.column.missing": (
            "{source}：笔记本 {notebook} 的参数 {parameter!r} 指定了列 {value!r}，但 {table} 表中没有这一列。"
            "请改写为它的某一列（{columns}）{skip}{hint}"
        ),
        "report.parameter.empty": (
            "{source}：笔记本 {notebook} 的参数 {parameter!r} 为空；请写一个值，例如它的默认值 {default!r}"
        ),
        "report.column.empty": (
            "{source}：笔记本 {notebook} 的参数 {parameter!r} 为空；请写 {table} 表中的某一列（{columns}）。"
        ),
        "report.column.not_text": (
            "{source}：笔记本 {notebook} 的参数 {parameter!r} 必须以文本写出 {table} 表的列名，实际为 {value!r}。"
            "请写一个列名，例如 {example!r}。"
        ),
        "report.column.not_list": (
            "{source}：笔记本 {notebook} 的参数 {parameter!r} 必须是 {table} 表的列名列表，实际为 {value!r}。"
            "例如写成 [{example}]。"
        ),
        "report.column.skip_null": "，或写 null 以跳过该部分",
        "report.column.skip_required": "，写在研究文件的 notebooks: {notebook}: 下：没有它，该笔记本无法运行{alternative}",
        "report.column.skip_instead": "（或改为在 {alternative} 下列出这些列）",
        "report.column.default_source": "{path}：笔记本 {notebook} 的默认值（研究的 notebooks.{notebook} 没有设置它）",
        "report.value.problem": "{source}：笔记本 {notebook} 的参数 {parameter!r}：{error}",
        "report.column.not_mapping": (
            "{source}：笔记本 {notebook} 的参数 {parameter!r} 必须是一个映射，实际为 {value!r}。"
            "请写一个映射，在它下面每个条目一行 'key: value'（键或值例如 {example}），或写 null 以跳过该部分。"
        ),
        "report.column.bad_pattern": (
            "{source}：笔记本 {notebook} 的参数 {parameter!r} 不是有效的正则表达式（{error}）。"
            "例如写成 '^item_(?P<construct>.+)_\\d+$'，或写 null 以跳过该部分。"
        ),
        "report.column.no_match": (
            "{source}：笔记本 {notebook} 的参数 {parameter!r}（{value!r}）与 {table} 表的任何列都不匹配。"
            "它的列：{columns}。请写一个能匹配其中某些列的{what}{skip}。"
        ),
        "report.column.what.pattern": "正则表达式",
        "report.column.what.prefix": "前缀",
        "report.column.no_value": (
            "{source}：笔记本 {notebook} 的参数 {parameter!r} 指定的 {value!r} 不是 {table} 表中列 {column!r} 的取值。"
            "它的取值：{values}。请写其中之一，或写 null 以跳过该部分{hint}"
        ),
        # 研究的数据
        "report.data.failed": "研究 {study} 的数据无法使用：{error}",
        "report.data.not_checked": "未运行：本研究的数据没有通过检查（见上方的 {study}）",
        # analysis check / analysis run 的输出
        "report.check.tables": "  表：{tables}",
        "report.check.table": "{table}（{rows:,} 行）",
        "report.check.table_on_disk": "{table}（保留在磁盘上）",
        "report.check.note": "  注意：{note}",
        "report.list.needs": "    需要{needs}",
        "report.check.run": "  运行  {notebook}",
        "report.check.skip": "  跳过  {notebook}：{reason}",
        "report.check.problem": "  失败  {notebook}：{error}",
        "report.check.data": "  数据  {error}",
        "report.check.study": "{study}（{path}）：",
        "report.check.summary": (
            "共检查 {studies} 项研究：将运行 {run} 个笔记本，跳过 {skipped} 个，发现 {problems} 个问题"
        ),
        "report.check.invalid": "{path}：无效：{error}",
        "report.check.none_apply": (
            "没有任何笔记本适用于本研究的表（{tables}）；请参阅 README 中关于各表的说明"
        ),
        # analysis run
        "report.run.nothing": "没有可运行的内容：未找到任何研究或笔记本",
        "report.run.start": "正在运行 {n} 个笔记本，输出到 {folder}",
        "report.run.interrupted": (
            "已中断（Ctrl-C 或 SIGTERM）；报告和清单文件保持最后一个完成的笔记本留下的状态"
        ),
        "report.run.interrupted_which": "{which} 记为已中断（保留其上一次成功的报告）；",
        "report.run.interrupted_which_many": "{which} 均记为已中断（各自保留上一次成功的报告）；",
        "report.run.interrupted_some": (
            "已中断（Ctrl-C 或 SIGTERM）：{what}{n} 个笔记本中有 {done} 个已完成；索引：{index}"
        ),
        "report.run.summary": "{ok} 个成功（{reused} 个复用），{failed} 个失败，{skipped} 个跳过；索引：{index}",
        "report.run.progress": "[{i}/{n}] {run}：{status}（{seconds:.1f} 秒）{reused}{checks}{cited}{tail}",
        "report.run.reused": "，复用：输入、参数和代码均未改变",
        "report.run.checks": "；{n} 项检查未通过或发出警告（见其“检查”一节）",
        "report.run.cited": "；{n} 个引用的数值不在其表格中（见索引页）",
        # analysis export
        "report.export.written": "已写入 {path}（只保留 {lang} 语言的叙述）",
        # analysis init
        "report.init.written": "已写入 {path}",
        "report.init.next": (
            "下一步：编辑其中的列映射（columns:）和各个选项，然后运行\n"
            "  analysis check --study {path}\n"
            "在它报告没有问题之后，再运行\n"
            "  analysis run --study {path}"
        ),
    },
}
