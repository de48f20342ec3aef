<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Tribunal</source>
        <translation>关于本程序</translation>
    </message>
    <message>
        <source>proprietary; all rights reserved</source>
        <translation>专有软件，保留所有权利</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tribunal — circuit tribunal workbench&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;For the clerks of labour-dispute arbitration commissions: cases, hearings at enterprises, observers, documents and reports.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;/p&gt;&lt;p&gt;Program licence: {licence}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;巡回仲裁庭工作台&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;供劳动人事争议仲裁委员会书记员使用：案件登记、进企业开庭排期、旁听邀请、文书制作和统计。&lt;/p&gt;&lt;p&gt;数据库：{database}&lt;/p&gt;&lt;p&gt;程序许可：{licence}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>see the installation folder</source>
        <translation>见安装文件夹</translation>
    </message>
    <message>
        <source>Fonts (Noto Serif SC, SIL OFL 1.1)</source>
        <translation>字体（思源宋体 Noto Serif SC，SIL OFL 1.1）</translation>
    </message>
    <message>
        <source>&lt;p&gt;The interface is built with Qt {qt} and Qt for Python (PySide6) {pyside}, used under the GNU Lesser General Public License version 3 (LGPL-3.0). Their source code is available from &lt;a href=&quot;https://download.qt.io/official_releases/&quot;&gt;download.qt.io&lt;/a&gt;; you may replace the Qt libraries in the installation folder with your own build.&lt;/p&gt;</source>
        <translation>&lt;p&gt;本程序界面使用 Qt {qt} 和 Qt for Python（PySide6）{pyside}，依 GNU 宽通用公共许可证第 3 版（LGPL-3.0）使用。其源代码可从 &lt;a href=&quot;https://download.qt.io/official_releases/&quot;&gt;download.qt.io&lt;/a&gt; 获取；您可以用自行编译的版本替换安装文件夹中的 Qt 程序库。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Qt (LGPL-3.0)</source>
        <translation>Qt（LGPL-3.0）</translation>
    </message>
</context>
<context>
    <name>AgentForm</name>
    <message>
        <source>For example: spouse, father, guardian</source>
        <translation>例如：配偶、父亲、监护人</translation>
    </message>
    <message>
        <source>Where notices to this agent are served</source>
        <translation>向该代理人送达文书的地址</translation>
    </message>
    <message>
        <source>Mobile, or landline with area code</source>
        <translation>手机，或者带区号的固定电话</translation>
    </message>
    <message>
        <source>As on the practising certificate</source>
        <translation>按执业证填写</translation>
    </message>
    <message>
        <source>Assigned by a legal-aid body</source>
        <translation>法律援助机构指派</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>尚未登记</translation>
    </message>
    <message>
        <source>Acts for the party by law; no power of attorney is needed.</source>
        <translation>依法代为参加仲裁，不需要授权委托书。</translation>
    </message>
    <message>
        <source>Delete this agent</source>
        <translation>删除该代理人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>代理人种类</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation to the party</source>
        <translation>与当事人的关系</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>执业证号</translation>
    </message>
    <message>
        <source>Address for service</source>
        <translation>送达地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>代理权限</translation>
    </message>
    <message>
        <source>Law firm</source>
        <translation>律师事务所</translation>
    </message>
    <message>
        <source>Legal-service office</source>
        <translation>基层法律服务所</translation>
    </message>
    <message>
        <source>Recommended by</source>
        <translation>推荐单位</translation>
    </message>
    <message>
        <source>Employer or unit</source>
        <translation>工作单位</translation>
    </message>
</context>
<context>
    <name>AgentsBox</name>
    <message>
        <source>Add an agent</source>
        <translation>添加代理人</translation>
    </message>
    <message>
        <source>A party may have two agents at most</source>
        <translation>每名当事人最多两名代理人</translation>
    </message>
    <message>
        <source>No agent: the party acts in person.</source>
        <translation>没有代理人：当事人本人参加仲裁。</translation>
    </message>
    <message>
        <source>Agent {n}</source>
        <translation>第{n}名代理人</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Attendance: {title}</source>
        <translation>参训人员：{title}</translation>
    </message>
    <message>
        <source>Add everyone checked in at the hearing</source>
        <translation>添加该场开庭已签到的全部人员</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>参训人员</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <source>Type a name to find a person of the directory</source>
        <translation>输入姓名，在名录中查找</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Person of the directory</source>
        <translation>名录中的人员</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>其他人员</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>共 {count} 人</translation>
    </message>
    <message>
        <source>Choose a person from the list, or add them as someone else below.</source>
        <translation>请从列表中选择人员，或在下方作为其他人员添加。</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Cases</source>
        <extracomment>Entries read at a time. The areas of the action filter, in the clerk&apos;s words (the part of the key before the dot).</extracomment>
        <translation>案件</translation>
    </message>
    <message>
        <source>Hearings</source>
        <translation>开庭</translation>
    </message>
    <message>
        <source>Other participants</source>
        <translation>其他参与人</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Observers</source>
        <translation>旁听人员</translation>
    </message>
    <message>
        <source>Observer invitations</source>
        <translation>旁听邀请</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Service of documents</source>
        <translation>文书送达</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Legal calendar</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Period rules</source>
        <translation>期间规则</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Full numbers shown</source>
        <translation>查看完整号码</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Database (backup, restore, copy)</source>
        <translation>数据库（备份、恢复、迁移）</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <extracomment>The earliest day the date boxes offer; showing it means &quot;no limit&quot;.</extracomment>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Case number, e.g. 邵劳人仲案字〔2026〕第12号</source>
        <translation>案号，例如：邵劳人仲案字〔2026〕第12号</translation>
    </message>
    <message>
        <source>Clerk who acted, or a name in the entry</source>
        <translation>操作人，或记录中出现的姓名</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>案件：</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Choose an entry to see what changed.</source>
        <translation>选择一条记录，查看修改了什么。</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Every change saved by the program is listed here. The log is read-only; ID and phone numbers are shown masked.</source>
        <translation>本程序保存的每一项修改都记录在这里。审计日志只能查看，不能修改；身份证号码和电话号码以隐藏方式显示。</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Cannot search the audit log</source>
        <translation>无法查询审计日志</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <source>The newest {count} entries are shown; click “More…” for earlier ones.</source>
        <translation>已显示最近的 {count} 条记录；点击“更多…”查看更早的记录。</translation>
    </message>
    <message>
        <source>{count} entries.</source>
        <translation>共 {count} 条记录。</translation>
    </message>
    <message>
        <source>{who} at {when}</source>
        <translation>{who}，{when}</translation>
    </message>
    <message>
        <source>No field values were recorded for this entry.</source>
        <translation>这条记录没有登记字段的值。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>AwardDialog</name>
    <message>
        <source>Award — %1</source>
        <translation>裁决书 — %1</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>仲裁请求</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Awarded (yuan)</source>
        <translation>裁决金额（元）</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>终局</translation>
    </message>
    <message>
        <source>As suggested</source>
        <translation>按建议</translation>
    </message>
    <message>
        <source>Not final</source>
        <translation>非终局</translation>
    </message>
    <message>
        <source>Partial award (facts of these claims are clear)</source>
        <translation>先行裁决（只裁决已填写金额的、事实已经清楚的请求）</translation>
    </message>
    <message>
        <source>Facts in dispute</source>
        <translation>争议事实</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>裁决理由</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Date of the award</source>
        <translation>裁决日期</translation>
    </message>
    <message>
        <source>Save and print</source>
        <translation>保存并打印</translation>
    </message>
    <message>
        <source>Record service</source>
        <translation>登记送达</translation>
    </message>
    <message>
        <source>{kind}: {status}, {count} award document(s)</source>
        <translation>{kind}：{status}，裁决书 {count} 份</translation>
    </message>
    <message>
        <source>{party}: {day}</source>
        <translation>{party}：{day}</translation>
    </message>
    <message>
        <source>not yet served</source>
        <translation>未送达</translation>
    </message>
    <message>
        <source>The case is closed by award.</source>
        <translation>案件已裁决结案</translation>
    </message>
</context>
<context>
    <name>BackEntryDialog</name>
    <message>
        <source>Type in the paper sign-in sheet</source>
        <translation>补录纸质签到表</translation>
    </message>
    <message>
        <source>Tick each invited person who signed the sheet of {date} and type the time they wrote (leave “not written” when there is none: the hearing&apos;s start is recorded). {already} people already checked in are not listed.</source>
        <translation>请勾选在 {date} 签到表上签了名的受邀人员，并填写其所写的时间（没写时间的保留“未写”，按开庭时间记录）。已签到的 {already} 人不再列出。</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Time on the sheet</source>
        <translation>签到表上的时间</translation>
    </message>
    <message>
        <source>not written</source>
        <translation>未写</translation>
    </message>
    <message>
        <source>People on the sheet who were not invited</source>
        <translation>签到表上未受邀请的人员</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Record everyone invited who is not ticked as not having come</source>
        <translation>未勾选的受邀人员一律登记为未到场</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Tick at least one person, or add a line.</source>
        <translation>请至少勾选一人，或添加一行。</translation>
    </message>
    <message>
        <source>{checked} people checked in, {walk_ins} walk-ins added, {absent} recorded as absent.</source>
        <translation>已签到 {checked} 人，新增现场人员 {walk_ins} 人，登记未到场 {absent} 人。</translation>
    </message>
    <message>
        <source>Already checked in before: {names}</source>
        <translation>此前已签到：{names}</translation>
    </message>
    <message>
        <source>Paper sheet recorded</source>
        <translation>纸质签到表已补录</translation>
    </message>
</context>
<context>
    <name>CalculatorDialog</name>
    <message>
        <source>Cannot compute</source>
        <translation>无法计算</translation>
    </message>
    <message>
        <source>Natural days</source>
        <translation>自然日</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Falls on</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Counted in</source>
        <translation>计算单位</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Deadline calculator</source>
        <translation>期限计算器</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Application received</source>
        <translation>收到申请日</translation>
    </message>
    <message>
        <source>starts the 5 working days to decide on acceptance</source>
        <translation>起算五个工作日的受理审查期限</translation>
    </message>
    <message>
        <source>Case accepted</source>
        <translation>受理日</translation>
    </message>
    <message>
        <source>starts the 45-day limit (or the day it is counted again from)</source>
        <translation>起算四十五日审理期限（或重新计算的起算日）</translation>
    </message>
    <message>
        <source>Respondent served</source>
        <translation>送达日</translation>
    </message>
    <message>
        <source>the day the respondent signed for the application copy or the hearing notice</source>
        <translation>被申请人签收申请书副本或开庭通知之日</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>开庭日</translation>
    </message>
    <message>
        <source>the day of the hearing</source>
        <translation>开庭的日期</translation>
    </message>
    <message>
        <source>Days not counted</source>
        <translation>不计入天数</translation>
    </message>
    <message>
        <source>suspension and public-notice days left out of the 45 days</source>
        <translation>中止审理、公告送达期间，不计入四十五日</translation>
    </message>
    <message>
        <source>Import that year&apos;s holidays…</source>
        <translation>导入该年节假日安排…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Fill in the dates you know; untick &quot;Not filled in&quot; to use a date. The first day is not counted; a natural-day period ending on a rest day moves to the next working day.</source>
        <translation>填写已知的日期；取消勾选“未填”即使用该日期。期间开始的当日不计入；以自然日计算的期间，届满日遇休息日顺延至其后第一个工作日。</translation>
    </message>
    <message>
        <source>Import the {year} holidays…</source>
        <translation>导入{year}年节假日安排…</translation>
    </message>
    <message>
        <source>The {year} holidays are not loaded</source>
        <translation>{year}年节假日安排尚未载入</translation>
    </message>
    <message>
        <source>A notice served on {served} is in time for a hearing on {hearing}: {count} full working days lie between.</source>
        <translation>{served}送达的开庭通知对{hearing}开庭是及时的：其间有 {count} 个完整工作日。</translation>
    </message>
    <message>
        <source>A notice served on {served} is NOT in time for a hearing on {hearing}: only {count} full working days lie between, {required} are needed.</source>
        <translation>{served}送达的开庭通知对{hearing}开庭不及时：其间只有 {count} 个完整工作日，需要 {required} 个。</translation>
    </message>
    <message>
        <source>raise the alarm against this day: the legal last day before it is moved past rest days</source>
        <translation>按此日提醒：届满日遇休息日顺延前的日期</translation>
    </message>
    <message>
        <source>the hearing is set too early for this service date</source>
        <translation>按此送达日期，开庭日安排得过早</translation>
    </message>
</context>
<context>
    <name>CalendarViews</name>
    <message>
        <source>not public</source>
        <extracomment>Colour of a hearing whose tribunal has none (or no tribunal at all). Chips shown in one day of the month grid before &quot;+N more&quot;. Hours always shown in the week view (widened when a hearing lies outside).</extracomment>
        <translation>不公开</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <extracomment>Wrap long lines when the chip is tall enough (the week view&apos;s blocks).</extracomment>
        <translation>另有 {count} 场…</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <source>Type of dispute</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>处理程序</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>收件日期</translation>
    </message>
    <message>
        <source>Date accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Summary of the case</source>
        <translation>案情摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>Note on closing</source>
        <translation>结案说明</translation>
    </message>
    <message>
        <source>Date closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Collective dispute</source>
        <translation>集体争议</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>书记员</translation>
    </message>
    <message>
        <source>Circuit tribunal</source>
        <translation>巡回仲裁庭</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>仲裁请求</translation>
    </message>
    <message>
        <source>Address for service</source>
        <translation>送达地址</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>代理权限</translation>
    </message>
    <message>
        <source>Overview</source>
        <extracomment>Positions of the 其他参与人 tab (after the tribunal) and of the 期限 tab (the statutory clocks, just before the history). The TAB_* numbers above index the read-only text views for :meth:`CaseDetailPane.text`, not the tabs.</extracomment>
        <translation>概况</translation>
    </message>
    <message>
        <source>Tribunal</source>
        <translation>仲裁庭</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Other participants</source>
        <translation>其他参与人</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Select a case in the list above to see it here.</source>
        <translation>在上方列表中选中一件案件，这里会显示它的详细信息。</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Not yet accepted</source>
        <translation>尚未受理</translation>
    </message>
    <message>
        <source>Yes, {count} workers</source>
        <translation>是，涉及 {count} 名劳动者</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>No parties recorded.</source>
        <translation>尚未登记当事人。</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未登记）</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>legal aid</source>
        <translation>法律援助</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>委托代理人</translation>
    </message>
    <message>
        <source>Acts by law</source>
        <translation>依法代理</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>尚未登记</translation>
    </message>
    <message>
        <source>No claims recorded.</source>
        <translation>尚未登记仲裁请求。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>请求事项</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Arbitrators</source>
        <translation>仲裁员</translation>
    </message>
    <message>
        <source>Not yet appointed</source>
        <translation>尚未指定</translation>
    </message>
    <message>
        <source>Not yet assigned</source>
        <translation>尚未指定</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>暂无修改记录。</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Mediation…</source>
        <translation>调解书…</translation>
    </message>
    <message>
        <source>Award…</source>
        <translation>裁决书…</translation>
    </message>
    <message>
        <source>Recommendation…</source>
        <translation>仲裁建议书…</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Register a new case</source>
        <extracomment>The editor&apos;s result when the clerk asked to reload the case changed elsewhere.</extracomment>
        <translation>登记新案件</translation>
    </message>
    <message>
        <source>Edit case {number}</source>
        <translation>编辑案件 {number}</translation>
    </message>
    <message>
        <source>Basic facts</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>编辑案件</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>仲裁请求</translation>
    </message>
    <message>
        <source>Tribunal</source>
        <translation>仲裁庭</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the case (Ctrl+S)</source>
        <translation>保存案件（Ctrl+S）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Fields are checked when you leave them; everything is checked again when you save.</source>
        <translation>填完一项离开时即会检查；保存时还会全部再检查一遍。</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>已受理，受理日期</translation>
    </message>
    <message>
        <source>Collective dispute (ten or more workers with the same claims)</source>
        <translation>集体争议（劳动者十人以上，且有共同请求）</translation>
    </message>
    <message>
        <source> workers</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>A few sentences on what the dispute is about</source>
        <translation>用几句话说明争议的主要情况</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Type of dispute</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>处理程序</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>收件日期</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>受理情况</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>集体争议</translation>
    </message>
    <message>
        <source>Workers involved</source>
        <translation>涉及劳动者人数</translation>
    </message>
    <message>
        <source>Summary of the case</source>
        <translation>案情摘要</translation>
    </message>
    <message>
        <source>Add applicant</source>
        <translation>添加申请人</translation>
    </message>
    <message>
        <source>Add respondent</source>
        <translation>添加被申请人</translation>
    </message>
    <message>
        <source>Add third party</source>
        <translation>添加第三人</translation>
    </message>
    <message>
        <source>Delete selected</source>
        <translation>删除所选当事人</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Parties, in the order they are printed:</source>
        <translation>当事人（按文书中的排列顺序）：</translation>
    </message>
    <message>
        <source>Add a claim</source>
        <translation>添加一项请求</translation>
    </message>
    <message>
        <source>Calculator…</source>
        <translation>计算器…</translation>
    </message>
    <message>
        <source>Work out an amount (severance, overtime, leave, injury…) and copy it into a claim</source>
        <translation>计算请求金额（经济补偿、加班费、年休假、工伤待遇等）并复制到请求事项</translation>
    </message>
    <message>
        <source>What the applicant asks for, one item per line; the amount in yuan if it is money.</source>
        <translation>申请人的仲裁请求，每项一行；涉及金钱的请填写金额（元）。</translation>
    </message>
    <message>
        <source>(not yet chosen)</source>
        <translation>（暂未选定）</translation>
    </message>
    <message>
        <source>Sole arbitrator: one arbitrator hears the case</source>
        <translation>独任仲裁：由一名仲裁员审理</translation>
    </message>
    <message>
        <source>Panel: a presiding arbitrator and two arbitrators</source>
        <translation>合议仲裁：由首席仲裁员和两名仲裁员组成仲裁庭</translation>
    </message>
    <message>
        <source>(none: heard at the commission)</source>
        <translation>（不指定：在仲裁院开庭）</translation>
    </message>
    <message>
        <source>Sole arbitrator</source>
        <translation>独任仲裁员</translation>
    </message>
    <message>
        <source>Presiding arbitrator</source>
        <translation>首席仲裁员</translation>
    </message>
    <message>
        <source>Arbitrator</source>
        <translation>仲裁员</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>组庭方式</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>书记员</translation>
    </message>
    <message>
        <source>Circuit tribunal</source>
        <translation>巡回仲裁庭</translation>
    </message>
    <message>
        <source>No arbitrators are on the list yet. The tribunal can be formed later.</source>
        <translation>仲裁员名单中还没有人员，可以以后再组庭。</translation>
    </message>
    <message>
        <source>Given automatically when the case is saved</source>
        <translation>保存后自动编号</translation>
    </message>
    <message>
        <source>{name} (no longer active)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <source>(a clerk no longer active)</source>
        <translation>（已停用的书记员）</translation>
    </message>
    <message>
        <source>(a tribunal no longer in service)</source>
        <translation>（已撤销的巡回仲裁庭）</translation>
    </message>
    <message>
        <source>This case is closed and cannot be changed. To correct it, undo the closing first.</source>
        <translation>此案已结案，不能修改。如需更正，请先撤销结案。</translation>
    </message>
    <message>
        <source>Delete party</source>
        <translation>删除当事人</translation>
    </message>
    <message>
        <source>Delete the party “{name}” from this case?</source>
        <translation>确定从本案中删除当事人“{name}”吗？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>This party has entries to correct</source>
        <translation>该当事人有需要修改的内容</translation>
    </message>
    <message>
        <source>Total claimed: {amount} yuan</source>
        <translation>请求金额合计：{amount} 元</translation>
    </message>
    <message>
        <source> ({count} amount(s) not understood, not counted)</source>
        <translation>（有 {count} 项金额无法识别，未计入）</translation>
    </message>
    <message>
        <source>A panel needs a presiding arbitrator and two arbitrators: {count} still to choose</source>
        <translation>合议仲裁需要一名首席仲裁员和两名仲裁员，还差 {count} 名未选</translation>
    </message>
    <message>
        <source>Claim {n}: {reason}</source>
        <translation>第{n}项请求金额：{reason}</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>What you typed has not been saved. Close and discard it?</source>
        <translation>填写的内容还没有保存。确定关闭并放弃这些内容吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Not saved: {count} item(s) to correct, marked in red.</source>
        <translation>未保存：有 {count} 处需要修改，已用红色标出。</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Everything marked has been changed. Press Save to check and save again.</source>
        <translation>标红之处都已修改。请点击“保存”，再检查一遍后保存。</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case number</source>
        <extracomment>The case id of a row (int), for any column. The whole :class:`CaseRow` of a row (or None if the case has gone), for any column. Rows fetched from the service at a time. Blocks kept in memory; the least recently used are dropped beyond this.</extracomment>
        <translation>案号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Type of dispute</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收件日期</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Amount claimed (yuan)</source>
        <translation>请求金额（元）</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一期限</translation>
    </message>
    <message>
        <source>on time</source>
        <extracomment>The next deadline&apos;s state: a word (never colour alone) and a colour.</extracomment>
        <translation>按期</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Decision on acceptance</source>
        <extracomment>The deadlines a case&apos;s next one can be (``clocks.NEXT_DUE_KINDS``), as the list names them (short: 审限届满, as clerks say; the 期限 tab gives the full names and their basis).</extracomment>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>Serve the application copy</source>
        <translation>送达申请书副本</translation>
    </message>
    <message>
        <source>Notify the tribunal&apos;s composition</source>
        <translation>组庭通知</translation>
    </message>
    <message>
        <source>Defence period ends</source>
        <translation>答辩期满</translation>
    </message>
    <message>
        <source>Last day to ask for postponement</source>
        <translation>延期开庭申请</translation>
    </message>
    <message>
        <source>Time limit for the award</source>
        <translation>审限届满</translation>
    </message>
    <message>
        <source>Extended time limit for the award</source>
        <translation>延长审限届满</translation>
    </message>
    <message>
        <source>(case no longer exists)</source>
        <translation>（该案件已不存在）</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Register new case</source>
        <extracomment>Live search waits this long after the last keystroke before searching: long enough that a word typed at speed (or an input method&apos;s committed phrase) is one search, short enough to keep keystroke-to-rows under 0.1 s (measured in benchmarks/foundation.py). A typed search first reads this many cases, then all of them once the clerk has stopped typing for WHOLE_LIST_DELAY_MS. More than a tall screen shows (about 25 rows at 1366×768, 40 on a 1080p monitor), and a third of a model block: each keystroke reads 60 rows, not 200. The status filter&apos;s entry for every case that is still running. The columns&apos; remembered widths and order: a new key whenever the columns change, so a state saved for other columns is not laid over these. 排期开庭… was pressed for this case (its id). A case to select once the list has been read (a new case, or one opened from elsewhere).</extracomment>
        <translation>登记新案件</translation>
    </message>
    <message>
        <source>Register a new case (Ctrl+N)</source>
        <translation>登记新案件（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the selected case (Enter or double-click)</source>
        <translation>编辑选中的案件（回车或双击）</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Record how the selected case ended</source>
        <translation>登记选中案件的结案方式和日期</translation>
    </message>
    <message>
        <source>Undo closing</source>
        <translation>撤销结案</translation>
    </message>
    <message>
        <source>Reopen a case closed by mistake (a reason is required)</source>
        <translation>误结案时撤销结案（须填写原因）</translation>
    </message>
    <message>
        <source>Search by case number, applicant or respondent (Ctrl+F)</source>
        <translation>按案号、申请人或被申请人查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部案由</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>Cases whose next statutory deadline is near or past</source>
        <translation>下一法定期限即将到期或已超期的案件</translation>
    </message>
    <message>
        <source>All deadlines</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Deadline due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Deadline overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Received between</source>
        <translation>收件日期从</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>and</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Closed since {date}</source>
        <translation>{date} 以来结案</translation>
    </message>
    <message>
        <source>Counting the cases found…</source>
        <translation>正在统计找到的案件…</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{count} cases in total</source>
        <translation>共 {count} 件</translation>
    </message>
    <message>
        <source>Cannot read the case list</source>
        <translation>无法读取案件列表</translation>
    </message>
    <message>
        <source>Correct closing</source>
        <translation>更正结案</translation>
    </message>
    <message>
        <source>Correct the result, amount or on-site mediation recorded at closing</source>
        <translation>更正结案时登记的处理结果、金额或是否当庭调解</translation>
    </message>
    <message>
        <source>Schedule hearing…</source>
        <translation>排期开庭…</translation>
    </message>
    <message>
        <source>Schedule a hearing of the selected case</source>
        <translation>为选中的案件排期开庭</translation>
    </message>
    <message>
        <source>No case matches. Clear the filters or the search, or register a new case (Ctrl+N).</source>
        <translation>没有符合条件的案件。可清除筛选条件或查找内容，或登记新案件（Ctrl+N）。</translation>
    </message>
</context>
<context>
    <name>CheckinWindow</name>
    <message>
        <source>Here</source>
        <extracomment>Translation context of the strings (written out at each string: lupdate reads only literals). Point size of the check-in screen&apos;s text: readable at arm&apos;s length on a laptop. Point size of the confirmation line and the counters. Typing pauses this long before the list is filtered (a scanner types much faster). What the confirmation line looks like for each kind of message.</extracomment>
        <translation>到场</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Check-in — {when}</source>
        <translation>签到 — {when}</translation>
    </message>
    <message>
        <source>Type a name, an enterprise or the last digits of a phone — or scan the invitation</source>
        <translation>输入姓名、企业或电话号码后几位，或扫描邀请函二维码</translation>
    </message>
    <message>
        <source>Add walk-in (F2)</source>
        <translation>添加现场人员（F2）</translation>
    </message>
    <message>
        <source>Type in paper sheet (F3)</source>
        <translation>补录纸质签到表（F3）</translation>
    </message>
    <message>
        <source>Undo check-in (Ctrl+Z)</source>
        <translation>撤销签到（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hearing record…</source>
        <translation>庭审笔录…</translation>
    </message>
    <message>
        <source>Enter: check in · Up/Down: choose · Esc: clear · F2: walk-in · F3: paper sheet · Ctrl+Z: undo</source>
        <translation>回车：签到 · ↑/↓：选择 · Esc：清空 · F2：现场人员 · F3：补录纸质签到表 · Ctrl+Z：撤销</translation>
    </message>
    <message>
        <source>Ready. Scan an invitation or type a name.</source>
        <translation>准备就绪。请扫描邀请函或输入姓名。</translation>
    </message>
    <message>
        <source>Check-in: {date}&#x3000;{venue}</source>
        <translation>签到：{date}&#x3000;{venue}</translation>
    </message>
    <message>
        <source>Here {attended} / expected {expected}</source>
        <translation>已到 {attended} / 应到 {expected}</translation>
    </message>
    <message>
        <source>Seats taken {taken} of {capacity}</source>
        <translation>已用座位 {taken} / {capacity}</translation>
    </message>
    <message>
        <source>Nobody on the list matches “{text}”. Press F2 to add a walk-in.</source>
        <translation>名单中没有与“{text}”相符的人员。按 F2 添加现场人员。</translation>
    </message>
    <message>
        <source>✓ {name}&#x3000;{enterprise}&#x3000;checked in at {time}</source>
        <translation>✓ {name}&#x3000;{enterprise}&#x3000;{time} 签到</translation>
    </message>
    <message>
        <source>(no enterprise)</source>
        <translation>（无企业）</translation>
    </message>
    <message>
        <source>Choose someone who has checked in, then undo.</source>
        <translation>请先选中已签到的人员，再撤销。</translation>
    </message>
    <message>
        <source>Undo check-in</source>
        <translation>撤销签到</translation>
    </message>
    <message>
        <source>Take back the check-in of {name} ({time})?</source>
        <translation>撤销 {name}（{time}）的签到吗？</translation>
    </message>
    <message>
        <source>Check-in of {name} taken back.</source>
        <translation>已撤销 {name} 的签到。</translation>
    </message>
    <message>
        <source>✓ {name}&#x3000;{enterprise}&#x3000;walk-in, checked in at {time}</source>
        <translation>✓ {name}&#x3000;{enterprise}&#x3000;现场人员，{time} 签到</translation>
    </message>
    <message>
        <source>Paper sheet recorded: {checked} checked in, {walk_ins} walk-ins.</source>
        <translation>纸质签到表已补录：签到 {checked} 人，现场人员 {walk_ins} 人。</translation>
    </message>
</context>
<context>
    <name>ClaimCalculatorDialog</name>
    <message>
        <source>First day of employment</source>
        <translation>用工之日</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Day the contract ended</source>
        <translation>解除或终止之日</translation>
    </message>
    <message>
        <source>Average monthly wage of the last 12 months</source>
        <translation>解除或终止前十二个月月平均工资</translation>
    </message>
    <message>
        <source>Service before 2008</source>
        <translation>2008年以前的工作年限</translation>
    </message>
    <message>
        <source>Wage of the month before</source>
        <translation>上一个月的工资</translation>
    </message>
    <message>
        <source>Last day claimed</source>
        <translation>计算截止日</translation>
    </message>
    <message>
        <source>Written contract signed on</source>
        <translation>已补订书面劳动合同</translation>
    </message>
    <message>
        <source>Monthly wage</source>
        <translation>月工资</translation>
    </message>
    <message>
        <source>Overtime wage base (monthly wage)</source>
        <translation>加班工资计算基数（月工资）</translation>
    </message>
    <message>
        <source>Hours beyond the working day (150%)</source>
        <translation>工作日延长工作时间（150%），小时</translation>
    </message>
    <message>
        <source>Hours on rest days without time off (200%)</source>
        <translation>休息日工作且未补休（200%），小时</translation>
    </message>
    <message>
        <source>Hours on statutory holidays (300%)</source>
        <translation>法定休假日工作（300%），小时</translation>
    </message>
    <message>
        <source>Cumulative years of work</source>
        <translation>累计工作年限（满几年）</translation>
    </message>
    <message>
        <source>Leave year</source>
        <translation>所计年度</translation>
    </message>
    <message>
        <source>Leave days already arranged</source>
        <translation>该年度已安排年休假天数</translation>
    </message>
    <message>
        <source>Joined during that year on</source>
        <translation>该年度内入职</translation>
    </message>
    <message>
        <source>Left during that year on</source>
        <translation>该年度内离职</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>伤残等级</translation>
    </message>
    <message>
        <source>Own wage (12-month average contribution wage)</source>
        <translation>本人工资（受伤前12个月平均月缴费工资）</translation>
    </message>
    <message>
        <source>Day of the injury</source>
        <translation>受伤之日</translation>
    </message>
    <message>
        <source>Original monthly wage during time off</source>
        <translation>停工留薪期原月工资</translation>
    </message>
    <message>
        <source>Time off with pay: whole months</source>
        <translation>停工留薪期整月数</translation>
    </message>
    <message>
        <source>Time off with pay: further paid days</source>
        <translation>停工留薪期另计天数</translation>
    </message>
    <message>
        <source>Employment ended on (grades 5–10)</source>
        <translation>解除或终止劳动关系（五至十级）</translation>
    </message>
    <message>
        <source>Yes, on</source>
        <translation>有，日期</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>hours, e.g. 7.5</source>
        <translation>小时，如 7.5</translation>
    </message>
    <message>
        <source>e.g. 邵阳市</source>
        <translation>如 邵阳市</translation>
    </message>
    <message>
        <source>Not applicable or not chosen</source>
        <translation>不涉及或未选择</translation>
    </message>
    <message>
        <source>No grade assessed</source>
        <translation>未评定伤残等级</translation>
    </message>
    <message>
        <source>Grade {n}</source>
        <translation>{n}级</translation>
    </message>
    <message>
        <source>Claim calculator</source>
        <translation>请求金额计算器</translation>
    </message>
    <message>
        <source>Calculate</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Wage parameters…</source>
        <translation>工资参数…</translation>
    </message>
    <message>
        <source>The result appears here, with its line items, formula, parameters and their sources.</source>
        <translation>计算结果在此显示，含明细、计算方法、所用参数及其来源。</translation>
    </message>
    <message>
        <source>Copy to claims</source>
        <translation>复制到请求</translation>
    </message>
    <message>
        <source>Calculator</source>
        <translation>计算项目</translation>
    </message>
    <message>
        <source>Into</source>
        <translation>复制到</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reference calculation: the tribunal decides what is awarded. Wage figures come from the commission&apos;s wage parameters, each with its source.</source>
        <translation>参考计算：是否支持及金额由仲裁庭认定。工资数据取自本委录入的工资参数，每项均注明来源。</translation>
    </message>
    <message>
        <source>A new claim</source>
        <translation>新增一项请求</translation>
    </message>
    <message>
        <source>Open the calculator from a case&apos;s claims to copy an amount into them.</source>
        <translation>从案件的“仲裁请求”页打开计算器，才能把金额复制到请求事项。</translation>
    </message>
    <message>
        <source>Copied {amount} yuan into claim {n}.</source>
        <translation>已将 {amount} 元复制到第{n}项请求。</translation>
    </message>
    <message>
        <source>Removed by {who}: {why}</source>
        <translation>已由{who}删除：{why}</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>伤残等级</translation>
    </message>
    <message>
        <source>Applies</source>
        <translation>适用期间</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>效力</translation>
    </message>
</context>
<context>
    <name>ClaimRow</name>
    <message>
        <source>For example: pay the wages owed for March to May</source>
        <translation>例如：支付3月至5月拖欠的工资</translation>
    </message>
    <message>
        <source>Amount, or empty</source>
        <translation>金额，可不填</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this claim</source>
        <translation>删除这一项请求</translation>
    </message>
</context>
<context>
    <name>ClockState</name>
    <message>
        <source>On time</source>
        <extracomment>A state that could not be computed because a year&apos;s holidays are missing (not a service state).</extracomment>
        <translation>正常</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Not yet running</source>
        <translation>尚未起算</translation>
    </message>
    <message>
        <source>Cannot compute</source>
        <translation>无法计算</translation>
    </message>
</context>
<context>
    <name>ClocksTab</name>
    <message>
        <source>Natural days</source>
        <extracomment>Light backgrounds behind a state&apos;s words (the words alone carry the meaning). The mark beside a date that rests on one of the program&apos;s readings of the law.</extracomment>
        <translation>自然日</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>届满日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Counted in</source>
        <translation>计算单位</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>理解</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Withdrawn by {who} on {when}: {why}</source>
        <translation>已由{who}于{when}撤销：{why}</translation>
    </message>
    <message>
        <source>No effect: {reason}</source>
        <translation>不产生效力：{reason}</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Entered at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Still stands</source>
        <translation>仍然有效</translation>
    </message>
    <message>
        <source>The approval also covers the period counted afresh: 60 days</source>
        <translation>该批准同样适用于重新计算的期限：按六十日计算</translation>
    </message>
    <message>
        <source>Has lapsed</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>The approval was for the old period: 45 days from the re-count</source>
        <translation>该批准针对的是原期限：自重新计算之日起按四十五日计算</translation>
    </message>
    <message>
        <source>A suspension&apos;s first and last day are both not counted; the count goes on from the day after its last day. Changes count by their own dates, whatever order they are entered in.</source>
        <translation>中止期间的第一日和最后一日都不计入审理期限，自最后一日的次日起继续计算。各项变动按其发生日期计算，与登记先后无关。</translation>
    </message>
    <message>
        <source>The length or unit of the periods marked * is kept as data and has not yet been confirmed against the official text.</source>
        <translation>标 * 的期间，其长度或计算单位以数据保存，尚未与官方文本核对确认。</translation>
    </message>
    <message>
        <source>※ rests on the program&apos;s reading where the law is silent (see the tooltip)</source>
        <translation>※ 依本程序对法律未明确之处的理解（见提示）</translation>
    </message>
    <message>
        <source>Check period rules…</source>
        <translation>核对期间规则…</translation>
    </message>
    <message>
        <source>Confirm the period rules against the official texts</source>
        <translation>对照官方文本核对确认期间规则</translation>
    </message>
    <message>
        <source>Suspension of the hearing: these days do not count</source>
        <translation>中止审理：这些天数不计入审理期限</translation>
    </message>
    <message>
        <source>Record when a respondent received the copy of the application: its defence period starts</source>
        <translation>登记被申请人收到申请书副本的日期：该被申请人的答辩期开始计算</translation>
    </message>
    <message>
        <source>Notice served…</source>
        <translation>通知书送达…</translation>
    </message>
    <message>
        <source>Record how, when and by whom a notice reached a party, an agent or a witness</source>
        <translation>登记通知书以何种方式、于何日、由谁送达当事人、代理人或证人</translation>
    </message>
    <message>
        <source>Withdraw entry…</source>
        <translation>撤销登记…</translation>
    </message>
    <message>
        <source>Withdraw the change selected in the history (it stays on record, marked as withdrawn)</source>
        <translation>撤销在变动记录中选中的登记（记录保留，标为已撤销）</translation>
    </message>
    <message>
        <source>Changes to the time limit, in the order of their dates</source>
        <translation>期限变动记录（按发生日期排列）</translation>
    </message>
    <message>
        <source>Withdraw entry</source>
        <translation>撤销登记</translation>
    </message>
    <message>
        <source>Withdraw “{label}” of {date}? It stays on record, marked as withdrawn. Reason:</source>
        <translation>撤销{date}的“{label}”？记录将保留并标为已撤销。撤销原因：</translation>
    </message>
    <message>
        <source>* rule to be checked</source>
        <translation>* 期间规则待核对</translation>
    </message>
    <message>
        <source>Record suspension…</source>
        <translation>登记中止…</translation>
    </message>
    <message>
        <source>End suspension…</source>
        <translation>结束中止…</translation>
    </message>
    <message>
        <source>Public notice…</source>
        <translation>公告送达…</translation>
    </message>
    <message>
        <source>Service by public notice: the notice period does not count</source>
        <translation>公告送达：公告期间不计入审理期限</translation>
    </message>
    <message>
        <source>Extension approved…</source>
        <translation>登记延长审限…</translation>
    </message>
    <message>
        <source>Record the written approval of the 15-day extension</source>
        <translation>登记延长审限十五日的书面批准</translation>
    </message>
    <message>
        <source>Count afresh…</source>
        <translation>重新计算期限…</translation>
    </message>
    <message>
        <source>A party was added, a claim changed, a counterclaim or a transfer: the period starts again</source>
        <translation>追加当事人、变更请求、反申请或移送管辖：期限重新计算</translation>
    </message>
    <message>
        <source>Application copy served…</source>
        <translation>登记送达申请书副本…</translation>
    </message>
    <message>
        <source>Select a case to see its time limits.</source>
        <translation>请选择案件以查看其期限。</translation>
    </message>
    <message>
        <source>The holiday schedule of {year} is not loaded, so some dates cannot be computed. Import it under Settings → Legal holidays.</source>
        <translation>{year}年法定节假日安排尚未载入，部分期限无法计算。请在“设置→法定节假日”中导入。</translation>
    </message>
    <message>
        <source>{count} recorded change(s) have no effect because the law did not allow them on their dates (shown in red below): check and withdraw them.</source>
        <translation>有{count}项已登记的变动因其日期不符合法律规定而不产生效力（下方红色显示），请核对后撤销。</translation>
    </message>
    <message>
        <source>The 45-day limit starts when the case is accepted.</source>
        <translation>受理后开始计算四十五日审理期限。</translation>
    </message>
    <message>
        <source>Counted from {date}</source>
        <translation>自 {date} 起算</translation>
    </message>
    <message>
        <source>last day {date}</source>
        <translation>届满日 {date}</translation>
    </message>
    <message>
        <source>extension approved</source>
        <translation>已批准延长审限</translation>
    </message>
    <message>
        <source>not extended</source>
        <translation>未延长审限</translation>
    </message>
    <message>
        <source>{count} day(s) not counted</source>
        <translation>不计入 {count} 日</translation>
    </message>
    <message>
        <source>suspended now</source>
        <translation>正在中止审理</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Correct closing of {number}</source>
        <translation>更正结案信息：{number}</translation>
    </message>
    <message>
        <source>Close case {number}</source>
        <translation>结案：{number}</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未登记）</translation>
    </message>
    <message>
        <source>Amount agreed or awarded, in yuan</source>
        <translation>调解书或裁决书确定的金额（元）</translation>
    </message>
    <message>
        <source>Mediated at the hearing on site (当庭调解)</source>
        <translation>当庭调解（在企业开庭当天调解结案）</translation>
    </message>
    <message>
        <source>For example: the parties settled at the hearing</source>
        <translation>例如：双方当事人在庭上达成调解协议</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>Date closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Correct whose claims were upheld, the amount and whether it was mediated on the spot. To change the outcome or the date, undo the closing first.</source>
        <translation>可更正处理结果、金额和是否当庭调解。如需改变结案方式或结案日期，请先撤销结案。</translation>
    </message>
    <message>
        <source>Once closed, the case can no longer be edited unless the closing is undone.</source>
        <translation>结案后案件不能再修改，除非撤销结案。</translation>
    </message>
    <message>
        <source>Hearings at an enterprise: {days}. Ticked by default when the case is mediated and closed on one of those days.</source>
        <extracomment>The case&apos;s version when the dialog opened: a closing over somebody&apos;s later save is refused.</extracomment>
        <translation>本案在企业开庭的日期：{days}。调解结案且结案日为其中一天的，默认勾选当庭调解。</translation>
    </message>
    <message>
        <source>The case had no hearing at an enterprise.</source>
        <translation>本案没有在企业开庭。</translation>
    </message>
</context>
<context>
    <name>CommissionPage</name>
    <message>
        <source>The commission</source>
        <translation>仲裁机构</translation>
    </message>
    <message>
        <source>As it is printed on notices and certificates.</source>
        <translation>按通知书、证明上印出的写法填写。</translation>
    </message>
    <message>
        <source>e.g. 株洲市劳动人事争议仲裁院</source>
        <translation>如：株洲市劳动人事争议仲裁院</translation>
    </message>
    <message>
        <source>e.g. 株洲市劳动人事争议仲裁委员会</source>
        <translation>如：株洲市劳动人事争议仲裁委员会</translation>
    </message>
    <message>
        <source>Commission name</source>
        <translation>仲裁机构名称</translation>
    </message>
    <message>
        <source>Name printed at the seal</source>
        <translation>落款机构名称</translation>
    </message>
    <message>
        <source>Printed where the seal is stamped by hand; the program never prints a seal image.</source>
        <translation>印在文书盖章处，由工作人员手工加盖印章；程序不打印印章图案。</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>CommissionWizard</name>
    <message>
        <source>Setting up the program</source>
        <translation>初次设置</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The set-up was not saved.</source>
        <translation>设置未保存。</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>The commission was set up, but this computer&apos;s settings were not saved; set them on the Settings page.</source>
        <translation>仲裁机构已设置，但本机设置未能保存，请到“设置”页填写。</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <source>Choose a case to start the check.</source>
        <extracomment>The live check runs this long after the last change. A new hearing lasts this long unless the clerk says otherwise. The commission&apos;s own rooms, in the host-enterprise list. Cases offered in the case list at a time (the search field finds the others).</extracomment>
        <translation>选择案件后即开始检查。</translation>
    </message>
    <message>
        <source>{count} conflict(s) must be resolved before saving</source>
        <translation>有 {count} 项冲突，解决后才能保存</translation>
    </message>
    <message>
        <source>{count} warning(s): saving asks for a reason</source>
        <translation>有 {count} 项提醒，保存时需说明理由</translation>
    </message>
    <message>
        <source>No conflicts found</source>
        <translation>未发现冲突</translation>
    </message>
    <message>
        <source>Must be resolved</source>
        <translation>必须解决</translation>
    </message>
    <message>
        <source>Needs a reason</source>
        <translation>需说明理由</translation>
    </message>
    <message>
        <source>For information</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Rule: {basis}</source>
        <translation>依据：{basis}</translation>
    </message>
    <message>
        <source>To fix: {fix}</source>
        <translation>解决办法：{fix}</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Add a contact to {name}</source>
        <translation>为{name}添加联系人</translation>
    </message>
    <message>
        <source>For example: HR manager</source>
        <translation>例如：人力资源部经理</translation>
    </message>
    <message>
        <source>Mobile, or landline with area code</source>
        <translation>手机号码，或带区号的固定电话</translation>
    </message>
    <message>
        <source>Make this person the enterprise&apos;s main contact</source>
        <translation>设为该企业的主要联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Open cases</source>
        <extracomment>The day the deadline lists are reckoned from (tests set a fixed day).</extracomment>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>Cases not yet closed</source>
        <translation>尚未结案的案件</translation>
    </message>
    <message>
        <source>Received this month</source>
        <translation>本月收件</translation>
    </message>
    <message>
        <source>Cases received since the 1st of this month</source>
        <translation>本月1日以来收到的案件</translation>
    </message>
    <message>
        <source>Due</source>
        <extracomment>Names of the figures, also passed with :attr:`DashboardPage.figure_opened`. This month&apos;s circuit figures (keys of the report&apos;s figure lists), and the dates due this week.</extracomment>
        <translation>届满日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Closed this year</source>
        <translation>今年结案</translation>
    </message>
    <message>
        <source>Cases closed since 1 January, whenever received</source>
        <translation>1月1日以来结案的案件（不论何时收件）</translation>
    </message>
    <message>
        <source>Sessions on site this month</source>
        <translation>本月巡回开庭场次</translation>
    </message>
    <message>
        <source>Days at an enterprise with a hearing held (a day at one enterprise is one session)</source>
        <translation>本月在企业开庭（已开庭）的场次，同一天在同一企业计为一场</translation>
    </message>
    <message>
        <source>Observers this month</source>
        <translation>本月旁听人次</translation>
    </message>
    <message>
        <source>Person-times checked in at hearings at enterprises</source>
        <translation>本月在企业开庭中签到旁听的人次</translation>
    </message>
    <message>
        <source>Mediation rate this month</source>
        <translation>本月调解成功率</translation>
    </message>
    <message>
        <source>Circuit cases mediated ÷ (mediated + awarded), closed this month</source>
        <translation>本月结案的巡回庭案件：调解结案 ÷（调解结案＋裁决结案）</translation>
    </message>
    <message>
        <source>Statutory dates of open cases falling in the next seven days</source>
        <translation>未结案件在今后七日内届满的法定期限</translation>
    </message>
    <message>
        <source>Register new case</source>
        <translation>登记新案件</translation>
    </message>
    <message>
        <source>Find a case</source>
        <translation>查找案件</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Import holiday schedule…</source>
        <translation>导入节假日安排…</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the case</source>
        <translation>双击或按回车键打开案件</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due this week ({count})</source>
        <translation>本周到期（{count}）</translation>
    </message>
    <message>
        <source>Overdue ({count})</source>
        <translation>已超期（{count}）</translation>
    </message>
    <message>
        <source>Show the list</source>
        <translation>查看明细</translation>
    </message>
    <message>
        <source>Show these cases</source>
        <translation>查看这些案件</translation>
    </message>
    <message>
        <source>colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Hello, {name}</source>
        <translation>{name}，您好</translation>
    </message>
    <message>
        <source>Today is {date}</source>
        <translation>今天是 {date}</translation>
    </message>
    <message>
        <source>The {year} statutory holiday schedule is not loaded yet: deadlines that reach it cannot be computed and are not in the lists below.</source>
        <translation>{year}年法定节假日安排尚未载入：涉及该年的期限无法计算，也不在下面的清单中。</translation>
    </message>
    <message>
        <source>Nothing here. Deadlines of open cases are listed as they come near.</source>
        <translation>暂无。未结案件的期限临近时会列在这里。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>The date cannot be later than {day}</source>
        <extracomment>The reason the last typed text was refused (&quot;&quot; when it was read).</extracomment>
        <translation>日期不能晚于 {day}</translation>
    </message>
    <message>
        <source>The date cannot be earlier than {day}</source>
        <translation>日期不能早于 {day}</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>Not filled in</source>
        <translation>未填</translation>
    </message>
</context>
<context>
    <name>DayList</name>
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Not public</source>
        <translation>不公开</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>书记员</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Circuit tribunal</source>
        <translation>巡回仲裁庭</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Type of dispute</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Arbitrators and clerk</source>
        <translation>仲裁员和书记员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No hearings on this day.</source>
        <translation>这一天没有开庭。</translation>
    </message>
    <message>
        <source>No hearings in this period. Press “Schedule a hearing”, or double-click a day in the month view.</source>
        <translation>这段时间没有开庭。点击“排期开庭”，或在月视图中双击某一天安排开庭。</translation>
    </message>
</context>
<context>
    <name>DayPickerDialog</name>
    <message>
        <source>Make a day&apos;s documents</source>
        <translation>制作一天的文书</translation>
    </message>
    <message>
        <source>The day list of the circuit tribunal, then the documents of each of its hearings that day, in one go.</source>
        <translation>一次制作巡回仲裁庭当天的开庭排期表，以及当天每场开庭的文书。</translation>
    </message>
    <message>
        <source>Circuit tribunal</source>
        <translation>巡回仲裁庭</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Make the documents</source>
        <translation>制作文书</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No circuit tribunal is set up yet.</source>
        <translation>还没有设置巡回仲裁庭。</translation>
    </message>
    <message>
        <source>{count} hearing(s) on that day.</source>
        <translation>当天有 {count} 场开庭。</translation>
    </message>
    <message>
        <source>No hearing on that day: only an empty day list will be made.</source>
        <translation>当天没有开庭，只会制作一张空白的排期表。</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Folder not found</source>
        <extracomment>Resolution of printed pages. Sharp for text on a 600 dpi office laser printer while an A4 page stays about 25 MB in memory (one page at a time).</extracomment>
        <translation>找不到文件夹</translation>
    </message>
    <message>
        <source>The folder no longer exists:
{folder}</source>
        <translation>文件夹已不存在：
{folder}</translation>
    </message>
    <message>
        <source>Cannot open the folder</source>
        <translation>无法打开文件夹</translation>
    </message>
    <message>
        <source>The file manager could not be started. The folder is:
{folder}</source>
        <translation>无法启动文件管理器。文件夹位置：
{folder}</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>打印《{title}》</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <source>The file is no longer where it was saved:
{path}</source>
        <translation>文件已不在原来保存的位置：
{path}</translation>
    </message>
    <message>
        <source>The file cannot be read:
{path}</source>
        <translation>无法读取文件：
{path}</translation>
    </message>
    <message>
        <source>This file is not a readable PDF document.</source>
        <translation>这个文件不是可以读取的 PDF 文件。</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and connected, then try again.</source>
        <translation>打印机无法启动。请检查打印机是否已开机并连接好，然后再试一次。</translation>
    </message>
    <message>
        <source>The hearing&apos;s documents are ready</source>
        <translation>开庭文书已制作</translation>
    </message>
    <message>
        <source>The day&apos;s documents are ready</source>
        <translation>当天的文书已制作</translation>
    </message>
    <message>
        <source>The training certificates are ready</source>
        <translation>培训证明已制作</translation>
    </message>
    <message>
        <source>Making the hearing&apos;s documents…</source>
        <translation>正在制作开庭文书…</translation>
    </message>
    <message>
        <source>Making the day&apos;s documents…</source>
        <translation>正在制作当日开庭文书…</translation>
    </message>
    <message>
        <source>Making the training certificates…</source>
        <translation>正在制作培训证明…</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Present</source>
        <extracomment>Translation context of the headings (written out at each string: lupdate reads only literals). Characters of the SHA-256 shown in the list (the tooltip has all 64).</extracomment>
        <translation>正常</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>The file is no longer where it was saved:
{path}
“Make again” writes it anew from today&apos;s data.</source>
        <translation>文件已不在原来保存的位置：
{path}
点“重新制作”可按现有数据重新制作。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>开庭时间</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>制作人</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Make hearing documents…</source>
        <extracomment>Live search waits this long after the last keystroke. Without a case or hearing filter, only the newest documents are listed. A search matching many cases lists the documents of the newest of them. Hearings offered in the hearing filter: from this many days back, and every later one. only the newest this many documents only the documents of the newest this many cases the search matched no case</extracomment>
        <translation>制作开庭文书…</translation>
    </message>
    <message>
        <source>Every document of one hearing: notices, proofs of service, announcement, invitations, sign-in sheet, handout (Ctrl+N)</source>
        <translation>一场开庭的全部文书：开庭通知书、送达回证、开庭公告、旁听邀请函、签到表、培训讲义（Ctrl+N）</translation>
    </message>
    <message>
        <source>Make a day&apos;s documents…</source>
        <translation>制作一天的文书…</translation>
    </message>
    <message>
        <source>A circuit tribunal&apos;s day list and the documents of all its hearings that day</source>
        <translation>巡回仲裁庭当天的开庭排期表，以及当天各场开庭的文书</translation>
    </message>
    <message>
        <source>Make training certificates…</source>
        <translation>制作培训证明…</translation>
    </message>
    <message>
        <source>A certificate for everyone who attended a hearing and its training</source>
        <translation>为参加旁听和培训的每一位人员制作培训证明</translation>
    </message>
    <message>
        <source>Case number or party (Ctrl+F)</source>
        <translation>案号或当事人（Ctrl+F）</translation>
    </message>
    <message>
        <source>All hearings</source>
        <translation>全部开庭</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部种类</translation>
    </message>
    <message>
        <source>Only missing files</source>
        <translation>只看文件缺失的</translation>
    </message>
    <message>
        <source>Documents whose file was moved or deleted outside the program</source>
        <translation>文件已在本程序之外被移走或删除的文书</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Show all documents</source>
        <translation>显示全部文书</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Open the document in a large window (Enter)</source>
        <translation>在大窗口中查看文书（回车）</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Choose a printer and print the document (Ctrl+P)</source>
        <translation>选择打印机并打印文书（Ctrl+P）</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Show the folder holding the file</source>
        <translation>打开存放该文件的文件夹</translation>
    </message>
    <message>
        <source>Make again</source>
        <translation>重新制作</translation>
    </message>
    <message>
        <source>Make the document again from today&apos;s data, at the same place; you are told whether anything changed</source>
        <translation>按现有数据在原位置重新制作这份文书，并告诉您内容是否有变化</translation>
    </message>
    <message>
        <source>Withdraw certificate…</source>
        <translation>作废培训证明…</translation>
    </message>
    <message>
        <source>Withdraw the selected training certificate: it is kept as void and its number is never given again</source>
        <translation>作废所选的培训证明：证明保留并标为作废，其编号不再使用</translation>
    </message>
    <message>
        <source>(the newest {count} shown)</source>
        <translation>（只显示最近 {count} 份）</translation>
    </message>
    <message>
        <source>No case matches “{text}”</source>
        <translation>没有与“{text}”相符的案件</translation>
    </message>
    <message>
        <source>(documents of the newest {count} matching cases)</source>
        <translation>（只显示最近 {count} 件相符案件的文书）</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>共 {count} 份文书</translation>
    </message>
    <message>
        <source>{count} file(s) missing</source>
        <translation>{count} 份文件缺失</translation>
    </message>
    <message>
        <source>These files were moved or deleted outside the program. Choose one and click “Make again” to write it anew.</source>
        <translation>这些文件已在本程序之外被移走或删除。选中一份，点“重新制作”即可重新生成。</translation>
    </message>
    <message>
        <source>The file is no longer where it was saved:
{path}

Click “Make again” to write it anew from today&apos;s data.</source>
        <translation>文件已不在原来保存的位置：
{path}

点“重新制作”可按现有数据重新制作。</translation>
    </message>
    <message>
        <source>The file was missing and has been written again, with the same content as before.</source>
        <translation>文件原已缺失，现已重新制作，内容与原来相同。</translation>
    </message>
    <message>
        <source>The file was missing and has been written again. The data had changed since, so its content differs from the lost file.</source>
        <translation>文件原已缺失，现已重新制作。由于数据已有变化，内容与丢失的文件不同。</translation>
    </message>
    <message>
        <source>The data had changed since it was made: the file was written anew.</source>
        <translation>数据在制作后有变化，文件已按现有数据更新。</translation>
    </message>
    <message>
        <source>Nothing has changed (unchanged): the file is exactly as it was.</source>
        <translation>内容未变，文件保持原样。</translation>
    </message>
    <message>
        <source>Made again</source>
        <translation>已重新制作</translation>
    </message>
    <message>
        <source>Withdraw certificate</source>
        <translation>作废培训证明</translation>
    </message>
    <message>
        <source>This certificate has no number on record, or it is void already.</source>
        <translation>这份培训证明没有登记编号，或者已经作废。</translation>
    </message>
    <message>
        <source>Why is certificate {number} ({name}) withdrawn?</source>
        <translation>作废培训证明 {number}（{name}）的原因：</translation>
    </message>
    <message>
        <source>Certificate {number} is void. Its number will not be given to anyone else.</source>
        <translation>培训证明 {number} 已作废，这个编号不会再给其他人使用。</translation>
    </message>
    <message>
        <source>Make hearing documents</source>
        <translation>制作开庭文书</translation>
    </message>
    <message>
        <source>Choose the hearing. Its notices, proofs of service and — for a public hearing — announcement, invitations, observers&apos; rules, sign-in sheet and handout are made and saved together.</source>
        <translation>请选择开庭。将一并制作并保存开庭通知书、送达回证；公开开庭的，还有开庭公告、旁听邀请函、旁听须知、签到表和培训讲义。</translation>
    </message>
    <message>
        <source>The hearing&apos;s documents are ready</source>
        <translation>开庭文书已制作</translation>
    </message>
    <message>
        <source>The day&apos;s documents are ready</source>
        <translation>当天的文书已制作</translation>
    </message>
    <message>
        <source>Make training certificates</source>
        <translation>制作培训证明</translation>
    </message>
    <message>
        <source>Choose the hearing. Everyone who signed in or attended its training gets a certificate.</source>
        <translation>请选择开庭。凡已签到或参加了培训的人员，每人制作一份培训证明。</translation>
    </message>
    <message>
        <source>The training certificates are ready</source>
        <translation>培训证明已制作</translation>
    </message>
    <message>
        <source>No documents yet. Press “Make hearing documents…” above to make the documents of a hearing, or “Make a day&apos;s documents…” for a day at an enterprise.</source>
        <translation>还没有文书。点击上方的“制作开庭文书…”制作一场开庭的文书，或点击“制作一天的文书…”制作在企业开庭一天的文书。</translation>
    </message>
    <message>
        <source>The file is not on this computer; opening the copy kept in the database…</source>
        <translation>这台电脑上没有该文件，正在打开数据库中留存的副本…</translation>
    </message>
    <message>
        <source>Cannot open the document</source>
        <translation>无法打开文书</translation>
    </message>
    <message>
        <source>Making the hearing&apos;s documents…</source>
        <translation>正在制作开庭文书…</translation>
    </message>
    <message>
        <source>Making the day&apos;s documents…</source>
        <translation>正在制作当日开庭文书…</translation>
    </message>
    <message>
        <source>Making the training certificates…</source>
        <translation>正在制作培训证明…</translation>
    </message>
</context>
<context>
    <name>DueNoticesBox</name>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知书</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the case</source>
        <translation>双击或按回车键打开案件</translation>
    </message>
    <message>
        <source>Print all with proofs of service</source>
        <translation>全部制作（附送达回证）</translation>
    </message>
    <message>
        <source>One PDF: each notice due, to every addressee not yet served, each followed by its proof of service</source>
        <translation>合成一个 PDF：每份到期通知书发给每个尚未送达的受送达人，每份后附送达回证</translation>
    </message>
    <message>
        <source>Notices due</source>
        <translation>待发通知书</translation>
    </message>
    <message>
        <source>Notices due ({count})</source>
        <translation>待发通知书（{count}）</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>今天没有到期的通知书。</translation>
    </message>
    <message>
        <source>Making the notices due…</source>
        <translation>正在制作到期通知书…</translation>
    </message>
    <message>
        <source>The notices due are ready</source>
        <translation>到期通知书已制作完成</translation>
    </message>
</context>
<context>
    <name>EndSuspensionDialog</name>
    <message>
        <source>End suspension — {number}</source>
        <translation>结束中止 — {number}</translation>
    </message>
    <message>
        <source>Suspended since {date}: {reason}. The last day of the suspension is not counted either; the count goes on from the day after.</source>
        <translation>自{date}起中止：{reason}。中止期间的最后一日同样不计入审理期限，自次日起继续计算。</translation>
    </message>
    <message>
        <source>Last day of the suspension</source>
        <translation>中止期间最后一日</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <source>New enterprise</source>
        <extracomment>Keys of the fields, as the service names them in ``ValidationError.fields``.</extracomment>
        <translation>新增企业</translation>
    </message>
    <message>
        <source>Edit enterprise</source>
        <translation>编辑企业</translation>
    </message>
    <message>
        <source>Full name as on the business licence</source>
        <translation>与营业执照上的名称一致</translation>
    </message>
    <message>
        <source>18 characters, as on the business licence</source>
        <translation>18位，与营业执照一致</translation>
    </message>
    <message>
        <source>Checked against the business licence: the code is correct</source>
        <translation>已核对营业执照，代码无误</translation>
    </message>
    <message>
        <source>(no development zone)</source>
        <translation>（不属于开发区）</translation>
    </message>
    <message>
        <source>The HR manager to invite</source>
        <translation>要邀请的人力资源负责人</translation>
    </message>
    <message>
        <source>For example: HR manager</source>
        <translation>例如：人力资源部经理</translation>
    </message>
    <message>
        <source>Mobile, or landline with area code</source>
        <translation>手机号码，或带区号的固定电话</translation>
    </message>
    <message>
        <source>For example: 350 or 50–300</source>
        <translation>例如：350 或 50–300</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Development zone</source>
        <translation>开发区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>HR contact</source>
        <translation>人事联系人</translation>
    </message>
    <message>
        <source>Contact&apos;s title</source>
        <translation>联系人职务</translation>
    </message>
    <message>
        <source>Contact&apos;s phone</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模（人数）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>If it matches the business licence, tick the box below.</source>
        <translation>如与营业执照一致，请勾选下方的“已核对”。</translation>
    </message>
    <message>
        <source>The directory already has “{name}” (no. {number}); it cannot be entered twice.</source>
        <translation>名录中已有“{name}”（编号 {number}），不能重复登记。</translation>
    </message>
</context>
<context>
    <name>EnterprisePicker</name>
    <message>
        <source>Enterprise</source>
        <extracomment>Translation context of the strings (written out at each string: lupdate reads only literals). At most this many enterprises are listed; a longer directory is narrowed by typing.</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>开发区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Choose from the enterprise directory</source>
        <translation>从企业名录选择</translation>
    </message>
    <message>
        <source>Name, credit code or contact</source>
        <translation>企业名称、统一社会信用代码或联系人</translation>
    </message>
    <message>
        <source>No enterprise of the directory matches. Type less of the name, or type the party&apos;s details by hand (the enterprise can be added on the 企业 page later).</source>
        <translation>企业名录中没有符合的企业。可少输入几个字再找，或直接手工填写当事人信息（之后可在“企业”页把这家企业加入名录）。</translation>
    </message>
    <message>
        <source>Use this enterprise</source>
        <translation>使用这家企业</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The first {count} are listed: type more to narrow the search.</source>
        <translation>只列出前 {count} 家：请多输入几个字缩小范围。</translation>
    </message>
    <message>
        <source>{count} enterprise(s)</source>
        <translation>共 {count} 家企业</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <source>The check character of this code is wrong. Compare it with the business licence, then confirm it on the enterprise&apos;s page.</source>
        <extracomment>Translation context of the strings (written out at each string: lupdate reads only literals). Mark before a credit code whose check character fails and that nobody has confirmed yet.</extracomment>
        <translation>该代码的校验位不正确。请与营业执照核对，然后在企业信息中确认。</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>开发区</translation>
    </message>
    <message>
        <source>HR contact</source>
        <translation>人事联系人</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Hearing or session</source>
        <translation>开庭或培训</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Main contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>受邀次数</translation>
    </message>
    <message>
        <source>Came to hearings</source>
        <translation>旁听次数</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>参加培训</translation>
    </message>
    <message>
        <source>Hosted</source>
        <translation>承办开庭</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>企业名录</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Reach of a zone</source>
        <translation>开发区覆盖情况</translation>
    </message>
    <message>
        <source>New enterprise</source>
        <translation>新增企业</translation>
    </message>
    <message>
        <source>Add an enterprise to the directory (Ctrl+N)</source>
        <translation>在名录中新增一家企业（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import enterprises from an Excel (.xlsx) or CSV file</source>
        <translation>从 Excel（.xlsx）或 CSV 文件导入企业</translation>
    </message>
    <message>
        <source>Show full phone numbers</source>
        <translation>显示完整电话号码</translation>
    </message>
    <message>
        <source>Phone numbers are partly hidden in lists to protect personal data; tick to see them in full</source>
        <translation>为保护个人信息，列表中的电话号码部分隐藏；勾选后显示完整号码</translation>
    </message>
    <message>
        <source>All zones</source>
        <translation>全部开发区</translation>
    </message>
    <message>
        <source>Search by name, credit code or contact (Ctrl+F)</source>
        <translation>按企业名称、统一社会信用代码或联系人查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Code checked against the licence</source>
        <translation>已核对营业执照</translation>
    </message>
    <message>
        <source>Record that the credit code was compared with the business licence and is correct</source>
        <translation>登记统一社会信用代码已与营业执照核对无误</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <source>Make main contact</source>
        <translation>设为主要联系人</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Invitations and attendance</source>
        <translation>邀请和参加情况</translation>
    </message>
    <message>
        <source>Entries that look like one enterprise entered twice: the same credit code, or the same name once brackets, spaces and 有限公司/有限责任公司 are set aside. Correct or complete one of them; the list is checked again when you come back to this tab.</source>
        <translation>以下企业可能被重复登记：统一社会信用代码相同，或者去掉括号、空格和“有限公司/有限责任公司”后名称相同。请更正或补全其中一条；回到本页时会重新检查。</translation>
    </message>
    <message>
        <source>Edit the selected enterprise</source>
        <translation>编辑所选企业</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Not reached yet this year</source>
        <translation>今年尚未覆盖</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <source>Reached means: someone from the enterprise came to a hearing or a training session, or the enterprise hosted a hearing.</source>
        <translation>“已覆盖”是指：该企业有人参加过旁听或培训，或者该企业承办过开庭。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>{count} enterprises</source>
        <translation>共 {count} 家企业</translation>
    </message>
    <message>
        <source>Choose an enterprise in the list to see its contacts and history.</source>
        <translation>在列表中选择一家企业，即可查看其联系人和往来记录。</translation>
    </message>
    <message>
        <source>Credit code: {code}</source>
        <translation>统一社会信用代码：{code}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Zone: {zone}</source>
        <translation>开发区：{zone}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>地址：{address}</translation>
    </message>
    <message>
        <source>Size: {size}</source>
        <translation>规模：{size}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>备注：{notes}</translation>
    </message>
    <message>
        <source>⚠ The credit code&apos;s check character is wrong; compare it with the business licence.</source>
        <translation>⚠ 统一社会信用代码校验位不正确，请与营业执照核对。</translation>
    </message>
    <message>
        <source>Invited {invited} times, came {attended} times; {trained} training attendances; hosted {hosted} hearings.</source>
        <translation>受邀 {invited} 次，到场 {attended} 次；参加培训 {trained} 人次；承办开庭 {hosted} 次。</translation>
    </message>
    <message>
        <source>{status} {time}</source>
        <translation>{status} {time}</translation>
    </message>
    <message>
        <source> (walk-in)</source>
        <translation>（现场人员）</translation>
    </message>
    <message>
        <source>Observed hearing</source>
        <translation>旁听庭审</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已参加</translation>
    </message>
    <message>
        <source>Hosted hearing</source>
        <translation>承办开庭</translation>
    </message>
    <message>
        <source>same credit code</source>
        <translation>统一社会信用代码相同</translation>
    </message>
    <message>
        <source>same name (brackets, spaces and 有限公司 set aside)</source>
        <translation>名称相同（不计括号、空格和“有限公司”）</translation>
    </message>
    <message>
        <source>Group {n}: {reason}</source>
        <translation>第 {n} 组：{reason}</translation>
    </message>
    <message>
        <source>{count} groups found</source>
        <translation>发现 {count} 组</translation>
    </message>
    <message>
        <source>No duplicates found</source>
        <translation>未发现重复</translation>
    </message>
    <message>
        <source>Add a development zone first.</source>
        <translation>请先添加开发区。</translation>
    </message>
    <message>
        <source>{zone}, {year}: {reached} of {total} enterprises reached, {never} not yet.</source>
        <translation>{zone}，{year}年：{total} 家企业中已覆盖 {reached} 家，尚未覆盖 {never} 家。</translation>
    </message>
    <message>
        <source>No enterprise matches. Clear the search, add an enterprise, or import the directory from a spreadsheet.</source>
        <translation>没有符合条件的企业。可清除查找内容、新增企业，或从表格导入企业名录。</translation>
    </message>
</context>
<context>
    <name>ExportIcsDialog</name>
    <message>
        <source>Export to a calendar file</source>
        <extracomment>Where a hearing scheduled from a double-clicked day starts.</extracomment>
        <translation>导出日历文件</translation>
    </message>
    <message>
        <source>The hearings are written to an .ics file that Outlook, Thunderbird and phone calendars can import. No ID or phone numbers and no party names are written.</source>
        <translation>开庭安排将写入 .ics 文件，可导入 Outlook、Thunderbird 和手机日历。文件中不写身份证号、电话号码和当事人姓名。</translation>
    </message>
    <message>
        <source>Only the hearings of</source>
        <translation>只导出此人参加的开庭：</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Choose file and export…</source>
        <translation>选择文件并导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <source>Extension — {number}</source>
        <translation>延长审限 — {number}</translation>
    </message>
    <message>
        <source>Complicated cases may be extended by at most fifteen days with the written approval of the commission&apos;s chair, given before the forty-five days run out (on a last day moved past a rest day, that day still counts).</source>
        <translation>案情复杂需要延期的，经仲裁委员会主任书面批准，可以延长不超过十五日；批准须在四十五日届满前作出（届满日因休息日顺延的，顺延后的最后一日仍可批准）。</translation>
    </message>
    <message>
        <source>Name and title of the person who approved</source>
        <translation>批准人的姓名和职务</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>批准日期</translation>
    </message>
</context>
<context>
    <name>FigureListDialog</name>
    <message>
        <source>{count} in the list</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source>Double-click a line to open its case.</source>
        <translation>双击一行可打开该案件。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV file with one enterprise per row. Nothing is changed until the last step.</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件，每行一家企业。在最后一步之前不会改动任何数据。</translation>
    </message>
    <message>
        <source>The file to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Enterprises whose row names no zone go into</source>
        <translation>未写明开发区的企业归入</translation>
    </message>
    <message>
        <source>Old Excel files (.xls) and WPS files must first be saved as .xlsx or CSV. The first sheet with a heading such as 企业名称 is read.</source>
        <translation>旧版 Excel 文件（.xls）和 WPS 文件须先另存为 .xlsx 或 CSV。程序读取第一个带有“企业名称”等表头的工作表。</translation>
    </message>
    <message>
        <source>Import enterprises</source>
        <translation>导入企业</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FormLoad</name>
    <message>
        <source>Reading…</source>
        <extracomment>A watched record&apos;s version before it has been read. The line an editor shows while it reads its record and choice lists.</extracomment>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Could not be read, so nothing can be saved from this window. Close it and try again.</source>
        <translation>未能读取，本窗口的内容不能保存。请关闭后重试。</translation>
    </message>
</context>
<context>
    <name>HearingDetailPane</name>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Other participant</source>
        <translation>其他参与人</translation>
    </message>
    <message>
        <source>Arbitrator</source>
        <translation>仲裁员</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>书记员</translation>
    </message>
    <message>
        <source>Host enterprise</source>
        <translation>承办企业</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>旁听人员</translation>
    </message>
    <message>
        <source>Not served yet</source>
        <translation>尚未送达</translation>
    </message>
    <message>
        <source>signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>receipt not confirmed</source>
        <translation>未确认收到</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>可以</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>不可以</translation>
    </message>
    <message>
        <source>Hearing notice</source>
        <translation>开庭通知送达</translation>
    </message>
    <message>
        <source>Default if absent</source>
        <translation>可否缺席处理</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>As</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Change…</source>
        <extracomment>邀请旁听… was pressed for this hearing (its id).</extracomment>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Record service…</source>
        <translation>登记送达…</translation>
    </message>
    <message>
        <source>Postpone…</source>
        <translation>延期开庭…</translation>
    </message>
    <message>
        <source>Cancel hearing…</source>
        <translation>取消开庭…</translation>
    </message>
    <message>
        <source>Mark as held</source>
        <translation>登记已开庭</translation>
    </message>
    <message>
        <source>Print hearing pack…</source>
        <translation>打印开庭文书…</translation>
    </message>
    <message>
        <source>Observer check-in…</source>
        <translation>旁听签到…</translation>
    </message>
    <message>
        <source>Teaching case…</source>
        <translation>讲义案例…</translation>
    </message>
    <message>
        <source>Hearing record…</source>
        <translation>庭审笔录…</translation>
    </message>
    <message>
        <source>Review the account of the case that the training handout gives the observers</source>
        <translation>复核培训讲义中向旁听人员介绍的案例文字</translation>
    </message>
    <message>
        <source>Hearing notice served on the parties</source>
        <translation>开庭通知送达情况</translation>
    </message>
    <message>
        <source>Click a hearing in the calendar to see it here.</source>
        <translation>在日历中点击一场开庭，在此查看。</translation>
    </message>
    <message>
        <source>{count} seat(s) needed</source>
        <translation>需 {count} 个座位</translation>
    </message>
    <message>
        <source>, the room seats {count}</source>
        <translation>，开庭场所可容纳 {count} 人</translation>
    </message>
    <message>
        <source>Observers: {invited} invited, {confirmed} confirmed, {declined} declined, {attended} attended, {absent} absent; {seats}.</source>
        <translation>旁听：已邀请 {invited}，已确认 {confirmed}，已谢绝 {declined}，已到场 {attended}，未到场 {absent}；{seats}。</translation>
    </message>
    <message>
        <source>Not public: no observers may be invited.</source>
        <translation>不公开审理：不得邀请旁听。</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Circuit tribunal</source>
        <translation>巡回仲裁庭</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Tribunal</source>
        <translation>仲裁庭</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>审理方式</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公开审理</translation>
    </message>
    <message>
        <source>Not public: {reason}</source>
        <translation>不公开审理：{reason}</translation>
    </message>
    <message>
        <source>Warnings set aside because</source>
        <translation>提醒的处理理由</translation>
    </message>
    <message>
        <source>Moved to {when}.</source>
        <translation>改期至 {when}。</translation>
    </message>
    <message>
        <source>The new time is not fixed yet.</source>
        <translation>新的开庭时间尚未确定。</translation>
    </message>
    <message>
        <source>Hearing postponed — tell these people</source>
        <translation>已延期开庭 — 请通知以下人员</translation>
    </message>
    <message>
        <source>The hearing of {number} on {when} was postponed. {moved} Tell everyone below; parties must be served a new notice.</source>
        <translation>{number} 原定 {when} 的开庭已延期。{moved}请通知下列人员；当事人须重新送达开庭通知。</translation>
    </message>
    <message>
        <source>Cancel hearing</source>
        <translation>取消开庭</translation>
    </message>
    <message>
        <source>Why is the hearing of {number} cancelled?</source>
        <translation>{number} 的开庭因何取消？</translation>
    </message>
    <message>
        <source>Hearing cancelled — tell these people</source>
        <translation>已取消开庭 — 请通知以下人员</translation>
    </message>
    <message>
        <source>The hearing of {number} on {when} was cancelled: {reason}. Tell everyone below.</source>
        <translation>{number} 原定 {when} 的开庭已取消：{reason}。请通知下列人员。</translation>
    </message>
    <message>
        <source>Hearing held</source>
        <translation>登记已开庭</translation>
    </message>
    <message>
        <source>Record that the hearing of {number} was held?</source>
        <translation>确认登记 {number} 已开庭吗？</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Invite observers…</source>
        <translation>邀请旁听…</translation>
    </message>
    <message>
        <source>Invite HR managers of other enterprises to observe this hearing</source>
        <translation>邀请其他企业的人力资源负责人旁听本场开庭</translation>
    </message>
</context>
<context>
    <name>HearingDialog</name>
    <message>
        <source>Change hearing</source>
        <translation>修改开庭</translation>
    </message>
    <message>
        <source>Schedule a hearing</source>
        <translation>排期开庭</translation>
    </message>
    <message>
        <source>Find by case number or party</source>
        <translation>按案号或当事人查找</translation>
    </message>
    <message>
        <source>(the case&apos;s circuit tribunal)</source>
        <translation>（按案件所属巡回仲裁庭）</translation>
    </message>
    <message>
        <source>The commission&apos;s own hearing rooms</source>
        <translation>本院仲裁庭</translation>
    </message>
    <message>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Sole arbitrator</source>
        <translation>独任仲裁员</translation>
    </message>
    <message>
        <source>Presiding arbitrator and two arbitrators</source>
        <translation>首席仲裁员和两名仲裁员</translation>
    </message>
    <message>
        <source>Use the case&apos;s tribunal</source>
        <translation>采用案件登记的仲裁庭</translation>
    </message>
    <message>
        <source>Fill in the arbitrators and clerk registered with the case</source>
        <translation>填入案件登记的仲裁员和书记员</translation>
    </message>
    <message>
        <source>Public hearing</source>
        <translation>公开审理</translation>
    </message>
    <message>
        <source>Not public</source>
        <translation>不公开审理</translation>
    </message>
    <message>
        <source>(choose the lawful reason)</source>
        <translation>（选择法定理由）</translation>
    </message>
    <message>
        <source>Details, for example: the applicant asked for it</source>
        <translation>具体情况，如：申请人申请不公开审理</translation>
    </message>
    <message>
        <source>Find case</source>
        <translation>查找案件</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Circuit tribunal</source>
        <translation>巡回仲裁庭</translation>
    </message>
    <message>
        <source>Host enterprise</source>
        <translation>承办企业</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>开庭场所</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>Tribunal</source>
        <translation>仲裁庭组成</translation>
    </message>
    <message>
        <source>Presiding arbitrator</source>
        <translation>首席仲裁员</translation>
    </message>
    <message>
        <source>Arbitrator</source>
        <translation>仲裁员</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>书记员</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>审理方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>冲突检查</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(choose a case)</source>
        <translation>（请选择案件）</translation>
    </message>
    <message>
        <source>Reading the case…</source>
        <translation>正在读取案件…</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>time limit cannot be computed: the {year} holidays are not loaded</source>
        <translation>审理期限无法计算：{year}年节假日安排尚未载入</translation>
    </message>
    <message>
        <source>time limit {date} ({state})</source>
        <translation>审理期限 {date}（{state}）</translation>
    </message>
    <message>
        <source>This host has no room recorded.</source>
        <translation>该企业未登记开庭场所。</translation>
    </message>
    <message>
        <source>the commission</source>
        <translation>本院</translation>
    </message>
    <message>
        <source>Seats {count} · {host}</source>
        <translation>可容纳 {count} 人 · {host}</translation>
    </message>
    <message>
        <source>Choose a case to start the check.</source>
        <translation>选择案件后即开始检查。</translation>
    </message>
    <message>
        <source>Resolve the conflicts in red first</source>
        <translation>请先解决红色标出的冲突</translation>
    </message>
</context>
<context>
    <name>HearingPickerDialog</name>
    <message>
        <source>Public</source>
        <extracomment>How far back &quot;also show past hearings&quot; reaches. How far ahead the hearing list reaches.</extracomment>
        <translation>公开</translation>
    </message>
    <message>
        <source>Not public</source>
        <translation>不公开</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>开庭时间</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>审理方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Also show the hearings of the last {days} days</source>
        <translation>同时显示最近 {days} 天内已开过的庭</translation>
    </message>
    <message>
        <source>Make the documents</source>
        <translation>制作文书</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No hearings in this period. Schedule one on the Hearings page first.</source>
        <translation>这段时间没有开庭。请先在“开庭排期”页面安排开庭。</translation>
    </message>
</context>
<context>
    <name>HearingRecordWindow</name>
    <message>
        <source>Hearing record — hearing {id}</source>
        <translation>庭审笔录——开庭 {id}</translation>
    </message>
    <message>
        <source>Produced by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据名称</translation>
    </message>
    <message>
        <source>What it proves</source>
        <translation>证明目的</translation>
    </message>
    <message>
        <source>Other side&apos;s opinion</source>
        <translation>对方质证意见</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <source>Has read it</source>
        <translation>已阅</translation>
    </message>
    <message>
        <source>Cannot read: read aloud</source>
        <translation>不识字，已向其宣读</translation>
    </message>
    <message>
        <source>Refuses to sign…</source>
        <translation>拒绝签名…</translation>
    </message>
    <message>
        <source>Read back — mark as read</source>
        <translation>已宣读（阅读）确认</translation>
    </message>
    <message>
        <source>Correction requested…</source>
        <translation>登记补正申请…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Saved elsewhere — show changes…</source>
        <translation>他人已保存 — 查看修改…</translation>
    </message>
    <message>
        <source>Another computer saved this record: see what changed, then reload it</source>
        <translation>另一台电脑已保存这份笔录：查看对方的修改，然后重新载入</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Phrases</source>
        <translation>常用语</translation>
    </message>
    <message>
        <source>Evidence list</source>
        <translation>证据目录</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>补正申请</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>已补正</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>不予补正</translation>
    </message>
    <message>
        <source>has read it</source>
        <translation>已阅</translation>
    </message>
    <message>
        <source>read aloud to them</source>
        <translation>已向其宣读</translation>
    </message>
    <message>
        <source>refuses to sign</source>
        <translation>拒绝签名</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>Another computer saved this record meanwhile. What you typed is kept on this PC but not copied to the database until you reload.</source>
        <translation>另一台电脑在此期间保存了这份笔录。您输入的内容已保存在本机，但在重新载入之前不会保存到数据库。</translation>
    </message>
    <message>
        <source>The database cannot be reached; the record is kept on this PC and will be copied when it can.</source>
        <translation>无法连接数据库：笔录已保存在本机，连接恢复后自动同步。</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>宣读确认</translation>
    </message>
    <message>
        <source>Mark the record as read back to the parties? After that its text cannot be changed; corrections they ask for are recorded as such.</source>
        <translation>确认笔录已向当事人宣读（或由其阅读）？确认后正文不能再修改，当事人申请补正的，作为补正申请记入笔录。</translation>
    </message>
    <message>
        <source>Correction requested</source>
        <translation>补正申请</translation>
    </message>
    <message>
        <source>Who asks for the correction?</source>
        <translation>申请补正的人：</translation>
    </message>
    <message>
        <source>What should the record say?</source>
        <translation>申请补正的内容：</translation>
    </message>
    <message>
        <source>Does the tribunal make this correction? Choose No to record it as refused.</source>
        <translation>仲裁庭是否同意补正？选“否”则记录为不予补正。</translation>
    </message>
    <message>
        <source>Correction refused</source>
        <translation>不予补正</translation>
    </message>
    <message>
        <source>Why is it refused?</source>
        <translation>不予补正的理由：</translation>
    </message>
    <message>
        <source>Refuses to sign</source>
        <translation>拒绝签名</translation>
    </message>
    <message>
        <source>Reason given (may be left empty):</source>
        <translation>拒绝签名的理由（可不填）：</translation>
    </message>
    <message>
        <source>Hearing record</source>
        <translation>庭审笔录</translation>
    </message>
</context>
<context>
    <name>HearingsPage</name>
    <message>
        <source>Schedule a hearing</source>
        <extracomment>邀请旁听… was pressed in the hearing pane (the hearing&apos;s id). The case selected on the 案件 page, if one can be scheduled (set by the main window).</extracomment>
        <translation>排期开庭</translation>
    </message>
    <message>
        <source>Schedule a new hearing (Ctrl+N)</source>
        <translation>安排新的开庭（Ctrl+N）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>向前</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>向后</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Day list</source>
        <translation>日程表</translation>
    </message>
    <message>
        <source>All circuit tribunals</source>
        <translation>全部巡回仲裁庭</translation>
    </message>
    <message>
        <source>Export calendar…</source>
        <translation>导出日历…</translation>
    </message>
    <message>
        <source>Save hearings as an .ics file for Outlook or a phone</source>
        <translation>把开庭安排存为 .ics 文件，供 Outlook 或手机日历使用</translation>
    </message>
    <message>
        <source>Click a hearing to open it; double-click a day to schedule one.</source>
        <translation>点击开庭查看详情；双击某一天安排开庭。</translation>
    </message>
    <message>
        <source>make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>Save calendar file</source>
        <translation>保存日历文件</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>Calendar exported</source>
        <translation>日历已导出</translation>
    </message>
    <message>
        <source>{count} hearing(s) written to {name}.</source>
        <translation>已将 {count} 场开庭写入 {name}。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Enterprise name</source>
        <extracomment>Translation context of the strings (written out at each string: lupdate reads only literals). What each target field is called in the column combos (the service&apos;s keys).</extracomment>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>HR contact</source>
        <translation>人事联系人</translation>
    </message>
    <message>
        <source>Contact&apos;s title</source>
        <translation>联系人职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Development zone</source>
        <translation>开发区</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Reason or note</source>
        <translation>原因或说明</translation>
    </message>
    <message>
        <source>Row {n}: {action} — {detail}</source>
        <translation>第 {n} 行：{action} — {detail}</translation>
    </message>
    <message>
        <source>Row {n}: {action} — {name}</source>
        <extracomment>The report lists every row; the file&apos;s cells are known only for the first (previewed) ones.</extracomment>
        <translation>第 {n} 行：{action} — {name}</translation>
    </message>
    <message>
        <source> ({notes})</source>
        <translation>（{notes}）</translation>
    </message>
    <message>
        <source>Import enterprises</source>
        <translation>导入企业</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Nothing was imported; the directory is unchanged.</source>
        <translation>没有导入任何内容，企业名录未作改动。</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Checking the list…</source>
        <translation>正在检查名录…</translation>
    </message>
    <message>
        <source>Importing the enterprises…</source>
        <translation>正在导入企业…</translation>
    </message>
</context>
<context>
    <name>InvitationsPanel</name>
    <message>
        <source>walk-in</source>
        <extracomment>Translation context of the strings (written out at each string: lupdate reads only literals). How far back the hearing chooser reaches (for typing in a paper sheet afterwards). How far ahead it reaches. Pick-tree columns.</extracomment>
        <translation>现场人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>landline</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>无号码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Check-in screen…</source>
        <translation>签到界面…</translation>
    </message>
    <message>
        <source>Open the check-in screen for the day of the hearing</source>
        <translation>打开开庭当天使用的签到界面</translation>
    </message>
    <message>
        <source>Type in the paper sheet…</source>
        <translation>补录纸质签到表…</translation>
    </message>
    <message>
        <source>Record who signed the paper sign-in sheet, after the hearing</source>
        <translation>开庭后登记在纸质签到表上签名的人员</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>导出名单…</translation>
    </message>
    <message>
        <source>Save the observers of this hearing as an Excel file (phone numbers partly hidden)</source>
        <translation>将本场开庭的旁听人员保存为 Excel 文件（电话号码部分隐藏）</translation>
    </message>
    <message>
        <source>Invite enterprises</source>
        <translation>邀请企业</translation>
    </message>
    <message>
        <source>Call list</source>
        <translation>电话联系</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>开庭</translation>
    </message>
    <message>
        <source>Will come</source>
        <translation>确认参加</translation>
    </message>
    <message>
        <source>The person said they will come (confirmed)</source>
        <translation>对方表示会来（已确认）</translation>
    </message>
    <message>
        <source>Declined…</source>
        <translation>不参加…</translation>
    </message>
    <message>
        <source>The person will not come; their seat is freed</source>
        <translation>对方不来，座位予以释放</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>未到场</translation>
    </message>
    <message>
        <source>Everyone else did not come</source>
        <translation>其余人员均未到场</translation>
    </message>
    <message>
        <source>After the hearing: everyone invited who did not check in is recorded as absent</source>
        <translation>开庭后使用：凡受邀但未签到的人员，一律登记为未到场</translation>
    </message>
    <message>
        <source>Never invited this year</source>
        <translation>今年从未邀请</translation>
    </message>
    <message>
        <source>Invited before but never came</source>
        <translation>邀请过但从未到场</translation>
    </message>
    <message>
        <source>Enterprise / contact</source>
        <translation>企业／联系人</translation>
    </message>
    <message>
        <source>Zone / title</source>
        <translation>开发区／职务</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>以往情况</translation>
    </message>
    <message>
        <source>Invite the people ticked</source>
        <translation>邀请勾选的人员</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>开发区</translation>
    </message>
    <message>
        <source>The parties of this hearing (and of cases heard with it) are left out. Tick an enterprise to invite all its contacts, or tick single people.</source>
        <translation>本场开庭（及合并审理案件）的当事人不在此列。勾选企业即邀请其全部联系人，也可以单独勾选人员。</translation>
    </message>
    <message>
        <source>Copy numbers</source>
        <translation>复制号码</translation>
    </message>
    <message>
        <source>Copy the selected lines (or all) as text: number, name, enterprise</source>
        <translation>将所选各行（未选时为全部）复制为文本：号码、姓名、企业</translation>
    </message>
    <message>
        <source>Record the answer of the person selected</source>
        <translation>登记所选人员的答复</translation>
    </message>
    <message>
        <source>Everyone who has not replied yet, people with a mobile number first. Numbers are shown in full here for ringing; do not pass this list on.</source>
        <translation>尚未答复的全部人员，有手机号码的排在前面。为便于拨打，这里显示完整号码，请勿外传本名单。</translation>
    </message>
    <message>
        <source>All zones</source>
        <translation>全部开发区</translation>
    </message>
    <message>
        <source>There is no public hearing to invite observers to. Schedule one on the Hearings page first.</source>
        <translation>没有可邀请旁听的公开开庭。请先在“开庭排期”页面安排开庭。</translation>
    </message>
    <message>
        <source>{taken} people invited or present; the hearing has no room, so no limit is checked.</source>
        <translation>已邀请或到场 {taken} 人；本场开庭未指定开庭场所，不检查人数上限。</translation>
    </message>
    <message>
        <source>Seats: {taken} of {capacity} taken in “{room}”, {free} free (declined invitations do not count).</source>
        <translation>座位：“{room}”共 {capacity} 个，已占 {taken} 个，空余 {free} 个（已谢绝的邀请不计）。</translation>
    </message>
    <message>
        <source>Not everything could be recorded</source>
        <translation>部分内容未能登记</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>不参加</translation>
    </message>
    <message>
        <source>Reason, if they gave one (for example: on a business trip)</source>
        <translation>原因（如对方说明了的话，例如：出差）</translation>
    </message>
    <message>
        <source>Record the rest as absent</source>
        <translation>其余人员登记为未到场</translation>
    </message>
    <message>
        <source>Everyone invited or confirmed who has not checked in will be recorded as not having come. Continue?</source>
        <translation>所有已邀请或已确认但尚未签到的人员，都将登记为未到场。是否继续？</translation>
    </message>
    <message>
        <source>Record as absent</source>
        <translation>登记为未到场</translation>
    </message>
    <message>
        <source>invited {n}, came {m}</source>
        <translation>邀请 {n} 次，到场 {m} 次</translation>
    </message>
    <message>
        <source>never invited</source>
        <translation>从未邀请</translation>
    </message>
    <message>
        <source>Last invited for {date}</source>
        <translation>最近一次邀请：{date} 的开庭</translation>
    </message>
    <message>
        <source>already on the list ({status})</source>
        <translation>已在名单中（{status}）</translation>
    </message>
    <message>
        <source>Main contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>no contact recorded</source>
        <translation>未登记联系人</translation>
    </message>
    <message>
        <source>everyone already on the list</source>
        <translation>均已在名单中</translation>
    </message>
    <message>
        <source>{count} people ticked; {enterprises} enterprises listed</source>
        <translation>已勾选 {count} 人；列出企业 {enterprises} 家</translation>
    </message>
    <message>
        <source>These people may not observe</source>
        <translation>以下人员不能旁听</translation>
    </message>
    <message>
        <source>Nobody was invited. Untick these people and invite again:</source>
        <translation>未邀请任何人。请取消勾选以下人员后重新邀请：</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>请核实</translation>
    </message>
    <message>
        <source>Invite them anyway?</source>
        <translation>仍然邀请吗？</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>Nobody was invited</source>
        <translation>未邀请任何人</translation>
    </message>
    <message>
        <source>{count} people to ring</source>
        <translation>需电话联系 {count} 人</translation>
    </message>
    <message>
        <source>(no number)</source>
        <translation>（无号码）</translation>
    </message>
    <message>
        <source>Export observers</source>
        <translation>导出旁听人员</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>List exported</source>
        <translation>名单已导出</translation>
    </message>
    <message>
        <source>{count} people written to {name}.</source>
        <translation>已将 {count} 人写入 {name}。</translation>
    </message>
    <message>
        <source>Nobody is invited to this hearing yet. Open the “Invite enterprises” tab, tick the people and press “Invite the people ticked”.</source>
        <translation>这场开庭还没有邀请任何人。打开“邀请企业”页，勾选人员后点击“邀请勾选的人员”。</translation>
    </message>
</context>
<context>
    <name>LegalCalendarDialog</name>
    <message>
        <source>Day off</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Ordinary day</source>
        <translation>普通日</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>放假日</translation>
    </message>
    <message>
        <source>Make-up working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Legal holidays</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Working-day deadlines are counted on this calendar. The State Council publishes next year&apos;s schedule in October to December: import it as soon as it is out.</source>
        <translation>以工作日计算的期限都按此日历计算。国务院办公厅通常在每年十月至十二月公布下一年的节假日安排，公布后请及时导入。</translation>
    </message>
    <message>
        <source>For example: the State Council notice on the holidays of that year</source>
        <translation>例如：国务院办公厅关于当年部分节假日安排的通知</translation>
    </message>
    <message>
        <source>A CSV or JSON file</source>
        <translation>CSV 或 JSON 文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>One day per line: date, kind, name — for example &quot;2027-02-06,放假,春节&quot; or &quot;2027-02-14,上班,春节&quot;.</source>
        <translation>每行一天：日期,类型,名称，如“2027-02-06,放假,春节”或“2027-02-14,上班,春节”。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import a year</source>
        <translation>导入某一年</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>For example: 春节</source>
        <translation>如：春节</translation>
    </message>
    <message>
        <source>Correct this day</source>
        <translation>更正这一天</translation>
    </message>
    <message>
        <source>Correct one day</source>
        <translation>更正某一天</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>The {year} holiday schedule is not loaded yet. Put the days of the State Council&apos;s notice into a file (one per line) and import it below.</source>
        <translation>{year}年法定节假日安排尚未载入。请把国务院办公厅通知中的日期整理成文件（每行一天），在下方导入。</translation>
    </message>
    <message>
        <source>Holiday schedule file</source>
        <translation>节假日安排文件</translation>
    </message>
    <message>
        <source>Schedules (*.csv *.json *.txt);;All files (*)</source>
        <translation>节假日安排 (*.csv *.json *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the file to import first.</source>
        <translation>请先选择要导入的文件。</translation>
    </message>
    <message>
        <source>Replace a loaded year</source>
        <translation>替换已载入的年份</translation>
    </message>
    <message>
        <source>The holidays of {year} are already loaded. Replace them with this file?</source>
        <translation>{year}年的节假日安排已经载入。用这个文件替换吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>{year} loaded: {holidays} days off, {workdays} make-up working days.</source>
        <translation>已载入{year}年：放假 {holidays} 天，调休上班 {workdays} 天。</translation>
    </message>
    <message>
        <source>Correct a day</source>
        <translation>更正日期</translation>
    </message>
    <message>
        <source>Make {date} a &quot;{kind}&quot;? Deadlines are counted on this calendar.</source>
        <translation>把 {date} 改为“{kind}”？期限都按此日历计算。</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>{date} is now a &quot;{kind}&quot;.</source>
        <translation>{date} 已改为“{kind}”。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <extracomment>A page built the first time it is shown. Navigation entries, in order (Alt+1 … Alt+9).</extracomment>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Hearings</source>
        <translation>开庭排期</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Observers</source>
        <translation>旁听人员</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Tribunal — circuit tribunal workbench</source>
        <extracomment>What the dashboard&apos;s figures and lists count. What the 统计 page counts.</extracomment>
        <translation>巡回仲裁庭书记员工作台</translation>
    </message>
    <message>
        <source>{page} (Alt+{key})</source>
        <translation>{page}（Alt+{key}）</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Deadline calculator…</source>
        <translation>期限计算器…</translation>
    </message>
    <message>
        <source>Claim calculator…</source>
        <translation>请求金额计算器…</translation>
    </message>
    <message>
        <source>Clerk: {name}</source>
        <translation>书记员：{name}</translation>
    </message>
    <message>
        <source>{title} — demonstration data (演示数据)</source>
        <translation>{title}——演示数据</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>The database is still being opened; please wait a moment.</source>
        <translation>数据库还在打开中，请稍候。</translation>
    </message>
    <message>
        <source>Back up to…</source>
        <translation>备份到…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>审计日志…</translation>
    </message>
    <message>
        <source>Back up to which folder?</source>
        <translation>备份到哪个文件夹？</translation>
    </message>
    <message>
        <source>Restore from which backup?</source>
        <translation>从哪一份备份恢复？</translation>
    </message>
    <message>
        <source>Tribunal backups (*.sqlite3 *.tribunal-dump.zip)</source>
        <translation>仲裁庭备份文件 (*.sqlite3 *.tribunal-dump.zip)</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>The database was copied ({rows} records in {tables} tables) to:
{path}</source>
        <translation>数据库已备份（{tables} 张表，共 {rows} 条记录），保存在：
{path}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Everything in the database will be replaced by the backup:
{file}

A safety copy of the database as it is now is kept first. The program closes its connection to the database while it restores; other clerks must close the program on their computers first. Afterwards every page is read again.</source>
        <translation>数据库中的全部内容将被这份备份替换：
{file}

恢复前会先把现在的数据库另存一份安全副本。恢复期间本程序会断开与数据库的连接；其他书记员须先在各自的电脑上关闭本程序。恢复完成后，各页面将重新读取数据。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>
The database as it was before is kept at:
{path}</source>
        <translation>
恢复前的数据库已另存为：
{path}</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The backup was restored ({rows} records in {tables} tables) and checked.</source>
        <translation>备份已恢复并核对无误（{tables} 张表，共 {rows} 条记录）。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Switch database…</source>
        <translation>切换数据库…</translation>
    </message>
    <message>
        <source>Open another database file</source>
        <translation>打开另一个数据库文件</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>Load demonstration data…</source>
        <translation>载入演示数据…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>&amp;About Tribunal</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Switch database</source>
        <translation>切换数据库</translation>
    </message>
    <message>
        <source>Tribunal database (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>数据库文件 (*.db *.sqlite *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Load demonstration data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>The demonstration data adds an invented zone, circuit tribunal, enterprises, people, cases and hearings, for training and trying the program. Load it only into a practice database, never into the commission&apos;s register. Load it now?</source>
        <translation>演示数据会加入虚构的开发区、巡回仲裁庭、企业、人员、案件和开庭，供培训和试用。请只载入练习用的数据库，切勿载入本委正式使用的数据库。现在载入吗？</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>载入</translation>
    </message>
    <message>
        <source>Loading the demonstration data…</source>
        <translation>正在载入演示数据…</translation>
    </message>
    <message>
        <source>Demonstration data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>The demonstration data has been loaded.</source>
        <translation>演示数据已载入。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>设置列的对应关系</translation>
    </message>
    <message>
        <source>For each column of the file, choose what it holds. Columns set to “not imported” are left out. Only the enterprise name is required.</source>
        <translation>为文件中的每一列选择对应的内容。设为“不导入”的列将被忽略。只有企业名称是必需的。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行内容</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>For example: 经开区管委会名录</source>
        <translation>例如：经开区管委会名录</translation>
    </message>
    <message>
        <source>Save this matching</source>
        <translation>保存此对应关系</translation>
    </message>
    <message>
        <source>Use a saved matching</source>
        <translation>使用已保存的对应关系</translation>
    </message>
    <message>
        <source>Save under the name</source>
        <translation>保存名称</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, headings in row {row}, {count} rows of data.</source>
        <translation>工作表“{sheet}”，表头在第 {row} 行，共 {count} 行数据。</translation>
    </message>
    <message>
        <source>Pre-filled from the matching “{name}”.</source>
        <translation>已按对应关系“{name}”预先填好。</translation>
    </message>
    <message>
        <source>(recognised from the headings)</source>
        <translation>按表头自动识别</translation>
    </message>
    <message>
        <source>This file has no column {columns}; those parts of the saved matching were left out.</source>
        <translation>此文件没有 {columns} 列；已保存的对应关系中的这些部分未采用。</translation>
    </message>
    <message>
        <source>“{field}” is chosen for two columns, “{first}” and “{second}”; choose it for one only.</source>
        <translation>“{field}”同时对应了“{first}”和“{second}”两列，只能对应其中一列。</translation>
    </message>
    <message>
        <source>Choose which column holds the enterprise name.</source>
        <translation>请选择哪一列是企业名称。</translation>
    </message>
    <message>
        <source>Type a name for the matching first.</source>
        <translation>请先为对应关系输入名称。</translation>
    </message>
    <message>
        <source>Matching saved as “{name}”.</source>
        <translation>对应关系已保存为“{name}”。</translation>
    </message>
</context>
<context>
    <name>MediationDialog</name>
    <message>
        <source>Mediation statement — %1</source>
        <translation>调解书 — %1</translation>
    </message>
    <message>
        <source>One term a line, as the parties agreed</source>
        <translation>每行一条，按双方达成的协议填写</translation>
    </message>
    <message>
        <source>Agreed terms</source>
        <translation>调解协议</translation>
    </message>
    <message>
        <source>Amount agreed (yuan)</source>
        <translation>调解金额（元）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Date of the statement</source>
        <translation>调解书日期</translation>
    </message>
    <message>
        <source>Save and print</source>
        <translation>保存并打印</translation>
    </message>
    <message>
        <source>Record signed receipt</source>
        <translation>登记签收</translation>
    </message>
    <message>
        <source>Party backs out</source>
        <translation>登记反悔</translation>
    </message>
    <message>
        <source>Receipts (the statement takes effect when every party has signed)</source>
        <translation>签收情况（双方当事人均签收后调解书生效）</translation>
    </message>
    <message>
        <source>No statement yet.</source>
        <translation>尚无调解书。</translation>
    </message>
    <message>
        <source>{party}: {day}</source>
        <translation>{party}：{day}</translation>
    </message>
    <message>
        <source>not yet signed for</source>
        <translation>未签收</translation>
    </message>
    <message>
        <source>The case is closed by mediation.</source>
        <translation>案件已调解结案</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>反悔理由</translation>
    </message>
</context>
<context>
    <name>NoticeServiceDialog</name>
    <message>
        <source>Service of a notice — {number}</source>
        <translation>通知书送达 — {number}</translation>
    </message>
    <message>
        <source>The date the addressee received the notice: the date signed on the proof of service, the postal receipt date; for a public notice, the day it was published. The date of the notice to respond starts that respondent&apos;s defence period.</source>
        <translation>受送达人收到通知书的日期：送达回证上签收的日期或邮件签收日期；公告送达写发出公告的日期。应诉通知书的送达日期是该被申请人答辩期的起算依据。</translation>
    </message>
    <message>
        <source>{party}, signed for by agent {agent}</source>
        <translation>{party}（由代理人{agent}签收）</translation>
    </message>
    <message>
        <source>Registered-post or EMS number</source>
        <translation>挂号信或特快专递单号</translation>
    </message>
    <message>
        <source>Who witnessed it, or that it was photographed or filmed</source>
        <translation>到场见证人，或已拍照、录像记录送达过程</translation>
    </message>
    <message>
        <source>How the addressee agreed, and the e-mail or phone used</source>
        <translation>受送达人同意的方式，以及所用的电子邮箱或手机号码</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知书</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>受送达人</translation>
    </message>
    <message>
        <source>How</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>邮件号</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意电子送达</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>送达人</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This case has no party or other participant to serve.</source>
        <translation>本案没有可送达的当事人或其他参与人</translation>
    </message>
    <message>
        <source>none</source>
        <translation>没有</translation>
    </message>
</context>
<context>
    <name>NumberingPage</name>
    <message>
        <source>Numbering</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>How case numbers and training certificate numbers are written.</source>
        <translation>案号和培训证明编号的写法。</translation>
    </message>
    <message>
        <source>e.g. 株劳人仲案字</source>
        <translation>如：株劳人仲案字</translation>
    </message>
    <message>
        <source>e.g. 株劳人仲培字</source>
        <translation>如：株劳人仲培字</translation>
    </message>
    <message>
        <source>Case-number 代字</source>
        <translation>案号代字</translation>
    </message>
    <message>
        <source>Year brackets</source>
        <translation>年份括号</translation>
    </message>
    <message>
        <source>Next case number in {year}</source>
        <translation>{year}年下一个案号</translation>
    </message>
    <message>
        <source>A commission that starts using the program during the year enters the number after the last one in its register; otherwise 1.</source>
        <translation>年中开始使用本程序的，填登记簿上最后一个案号的下一号；年初开始的填 1。</translation>
    </message>
    <message>
        <source>Certificate-number 代字</source>
        <translation>培训证明代字</translation>
    </message>
    <message>
        <source>The first numbers will be</source>
        <translation>第一个编号将是</translation>
    </message>
    <message>
        <source>(fill in the 代字 above)</source>
        <translation>（请先填写上面的代字）</translation>
    </message>
</context>
<context>
    <name>ObserversPage</name>
    <message>
        <source>Date</source>
        <extracomment>Translation context of the strings (written out at each string: lupdate reads only literals). The directory shows at most this many people; a search narrows it.</extracomment>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Hearing or session</source>
        <translation>开庭或培训</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员名录</translation>
    </message>
    <message>
        <source>Invitations to a hearing</source>
        <translation>邀请旁听</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Add a person to the directory (Ctrl+N)</source>
        <translation>在名录中新增一名人员（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Show phone number</source>
        <translation>显示电话号码</translation>
    </message>
    <message>
        <source>Show the selected person&apos;s full number</source>
        <translation>显示所选人员的完整号码</translation>
    </message>
    <message>
        <source>Search by name or enterprise (Ctrl+F)</source>
        <translation>按姓名或企业查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Hearings attended</source>
        <translation>旁听次数</translation>
    </message>
    <message>
        <source>first {count} people — search to narrow</source>
        <translation>仅显示前 {count} 人，请查找以缩小范围</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>共 {count} 人</translation>
    </message>
    <message>
        <source>Choose a person to see the hearings and training sessions they attended.</source>
        <translation>选择一名人员，即可查看其旁听的开庭和参加的培训。</translation>
    </message>
    <message>
        <source>Title: {title}</source>
        <translation>职务：{title}</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>电话：{phone}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>ID number: {number}</source>
        <translation>身份证号码：{number}</translation>
    </message>
    <message>
        <source>Invited {invited} times, came {attended} times, {trained} training sessions</source>
        <translation>受邀 {invited} 次，到场 {attended} 次，参加培训 {trained} 次</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>备注：{notes}</translation>
    </message>
    <message>
        <source> (walk-in)</source>
        <translation>（现场人员）</translation>
    </message>
    <message>
        <source>Observed hearing</source>
        <translation>旁听庭审</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已参加</translation>
    </message>
    <message>
        <source>No observer matches. People are added here when they are invited to a hearing or with “New person”.</source>
        <translation>没有符合条件的旁听人员。邀请旁听或点击“新增人员”后，人员会列在这里。</translation>
    </message>
</context>
<context>
    <name>OverrideReasonDialog</name>
    <message>
        <source>Reason for going ahead</source>
        <translation>说明理由</translation>
    </message>
    <message>
        <source>The check raised the warnings below. To schedule the hearing anyway, write down why; the reason is kept with the hearing.</source>
        <translation>检查发现以下提醒。如仍要这样安排，请写明理由；理由将与开庭记录一并保存。</translation>
    </message>
    <message>
        <source>For example: both parties agreed in writing to the earlier date</source>
        <translation>如：双方当事人书面同意提前开庭</translation>
    </message>
    <message>
        <source>Save with this reason</source>
        <translation>按此理由保存</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>PackResultDialog</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>See the chosen file (or all documents together)</source>
        <translation>查看选中的文件（未选中时查看全部文书）</translation>
    </message>
    <message>
        <source>Print all…</source>
        <translation>打印全部…</translation>
    </message>
    <message>
        <source>Print every document of the pack in order, in one go</source>
        <translation>按顺序一次打印文书包中的全部文书</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>New participant — {number}</source>
        <translation>添加其他参与人 — {number}</translation>
    </message>
    <message>
        <source>Edit participant — {number}</source>
        <translation>修改其他参与人 — {number}</translation>
    </message>
    <message>
        <source>Witnesses, appraisers, interpreters and other participants may not observe the hearing. With the ID number, or the enterprise or phone, the invitation check recognises them.</source>
        <translation>证人、鉴定人、翻译人员和其他参与人不得旁听本案开庭。填写身份证号码，或所在单位、联系电话，邀请旁听时才能认出他们。</translation>
    </message>
    <message>
        <source>Optional: 18-character resident ID number</source>
        <translation>选填：18 位公民身份号码</translation>
    </message>
    <message>
        <source>Optional: mobile, or landline with area code</source>
        <translation>选填：手机号码，或带区号的固定电话</translation>
    </message>
    <message>
        <source>Optional: where the person works</source>
        <translation>选填：本人工作单位</translation>
    </message>
    <message>
        <source>For example: the applicant&apos;s workshop team leader</source>
        <translation>例如：申请人所在车间的班组长</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This enterprise is not in the directory. Choose one from the list, or add it on the Enterprises page first.</source>
        <translation>企业名录中没有这家企业。请从列表中选择，或先在“企业”页面添加。</translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This case is closed: its participants can no longer be changed. To correct them, reopen the case first.</source>
        <translation>本案已结案，不能再修改其他参与人。如需更正，请先撤销结案。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Record a witness, appraiser, interpreter or other participant</source>
        <translation>登记证人、鉴定人、翻译人员或其他参与人</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The people in this list may not observe the hearing: the observer invitations check it.</source>
        <translation>表中人员不得旁听本案开庭，邀请旁听时会按此名单核对。</translation>
    </message>
    <message>
        <source>Select a case to see its witnesses and other participants.</source>
        <translation>请在上方列表中选择案件，查看其证人和其他参与人。</translation>
    </message>
    <message>
        <source>{number}: {count} participant(s) recorded</source>
        <translation>{number}：已登记 {count} 人</translation>
    </message>
    <message>
        <source>{number}: no witnesses, appraisers, interpreters or other participants recorded</source>
        <translation>{number}：没有登记证人、鉴定人、翻译人员或其他参与人</translation>
    </message>
    <message>
        <source>Delete {role} {name} from case {number}?

The deletion is recorded in the case&apos;s history.</source>
        <translation>从案件 {number} 中删除{role}{name}？

删除将记入案件的修改记录。</translation>
    </message>
    <message>
        <source>Delete participant</source>
        <translation>删除其他参与人</translation>
    </message>
</context>
<context>
    <name>PartyForm</name>
    <message>
        <source>18 characters; the last may be X</source>
        <extracomment>Statuses the editor offers: the open ones (closing has its own action). 从企业名录选择… was pressed (the editor opens the picker and calls :meth:`fill_from`).</extracomment>
        <translation>18位，最后一位可以是X</translation>
    </message>
    <message>
        <source>18 characters, as on the business licence</source>
        <translation>18位，与营业执照一致</translation>
    </message>
    <message>
        <source>Checked against the business licence: the code is correct</source>
        <translation>已核对营业执照，代码无误</translation>
    </message>
    <message>
        <source>Mobile, or landline with area code</source>
        <translation>手机号码，或带区号的固定电话</translation>
    </message>
    <message>
        <source>For example: general manager</source>
        <translation>例如：总经理</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>当事人地位</translation>
    </message>
    <message>
        <source>Person or organisation</source>
        <translation>自然人或单位</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Title of the representative</source>
        <translation>法定代表人职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Agents (lawyers, relatives, statutory or appointed agents)</source>
        <translation>代理人（律师、近亲属、法定代理人或者指定代理人等）</translation>
    </message>
    <message>
        <source>(name not filled in)</source>
        <translation>（未填写姓名）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Name of organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Full name as on the business licence</source>
        <translation>与营业执照上的名称一致</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Read from the number: {sex}, born {date}</source>
        <translation>号码显示：{sex}，{date}出生</translation>
    </message>
    <message>
        <source>If it matches the licence, tick the box below.</source>
        <translation>如与营业执照一致，请勾选下方的“已核对”。</translation>
    </message>
    <message>
        <source>From the directory…</source>
        <translation>从企业名录选择…</translation>
    </message>
    <message>
        <source>Choose the enterprise from the 企业 directory: its name, credit code, address and legal representative are filled in</source>
        <translation>从企业名录中选择企业：自动填入名称、统一社会信用代码、地址和法定代表人</translation>
    </message>
</context>
<context>
    <name>PdfPreviewWindow</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <source>Previous page (PageUp)</source>
        <extracomment>Space round and between pages, in screen pixels. Fixed zoom levels the zoom buttons step through (1.0 = the paper&apos;s real size on screen). Rendered pages kept in memory (an A4 page at preview size is 2–3 MB). Scroll step of the arrow keys and the mouse wheel, in pixels.</extracomment>
        <translation>上一页（PageUp）</translation>
    </message>
    <message>
        <source>Next page (PageDown)</source>
        <translation>下一页（PageDown）</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Show each page as wide as the view</source>
        <translation>每页与预览区同宽</translation>
    </message>
    <message>
        <source>This file cannot be shown: it is not a readable PDF document.</source>
        <translation>无法显示这个文件：它不是可以读取的 PDF 文件。</translation>
    </message>
    <message>
        <source>The file is no longer where it was saved:
{path}</source>
        <translation>文件已不在原来保存的位置：
{path}</translation>
    </message>
    <message>
        <source>The file cannot be read:
{path}
{reason}</source>
        <translation>无法读取文件：
{path}
{reason}</translation>
    </message>
    <message>
        <source>Choose a document to see it here.</source>
        <translation>选中一份文书，即可在这里查看。</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} / {count} 页</translation>
    </message>
</context>
<context>
    <name>PeriodRulesDialog</name>
    <message>
        <source>Confirmed</source>
        <translation>已核对</translation>
    </message>
    <message>
        <source>Changed since it was confirmed</source>
        <translation>核对后规则已变更</translation>
    </message>
    <message>
        <source>To be checked</source>
        <translation>待核对</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>核对人</translation>
    </message>
    <message>
        <source>Against the text</source>
        <translation>核对所依据的文本</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Withdrawn by {who} on {when}: {why}</source>
        <translation>已由{who}于{when}撤销：{why}</translation>
    </message>
    <message>
        <source>Confirmed on</source>
        <translation>核对时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>核对人</translation>
    </message>
    <message>
        <source>Rule as confirmed</source>
        <translation>核对时的规则</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>效力</translation>
    </message>
    <message>
        <source>Period rules</source>
        <translation>期间规则</translation>
    </message>
    <message>
        <source>Every deadline is counted with these rules. Until the commission has checked a rule against the official text, the dates it gives are marked “rule to be checked”. Record each check with the text it was made against; a confirmation can be withdrawn.</source>
        <translation>各项期限均按以下规则计算。仲裁委员会对照官方文本核对确认前，依该规则得出的日期均标注“期间规则待核对”。每次核对请写明所依据的文本；核对确认可以撤销。</translation>
    </message>
    <message>
        <source>Which official text: title, number, where it was read</source>
        <translation>依据的官方文本：名称、文号及查阅来源</translation>
    </message>
    <message>
        <source>Optional: the wording of the article, anything to keep</source>
        <translation>选填：条文原文或其他需要留存的内容</translation>
    </message>
    <message>
        <source>Confirm this rule</source>
        <translation>确认此规则</translation>
    </message>
    <message>
        <source>Withdraw the selected confirmation…</source>
        <translation>撤销选中的核对…</translation>
    </message>
    <message>
        <source>Record a check</source>
        <translation>登记核对</translation>
    </message>
    <message>
        <source>Official text</source>
        <translation>官方文本</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Checks of the selected rule</source>
        <translation>选中规则的核对记录</translation>
    </message>
    <message>
        <source>Confirmed on {date} when it read {days} days ({basis}); the rule has changed since and must be checked again.</source>
        <translation>曾于{date}按{days}日（{basis}）核对确认；规则此后已变更，须重新核对。</translation>
    </message>
    <message>
        <source>“{rule}” is confirmed.</source>
        <translation>“{rule}”已核对确认。</translation>
    </message>
    <message>
        <source>Withdraw confirmation</source>
        <translation>撤销核对</translation>
    </message>
    <message>
        <source>Why is the confirmation of “{rule}” withdrawn?</source>
        <translation>撤销对“{rule}”的核对确认的原因：</translation>
    </message>
    <message>
        <source>The confirmation of “{rule}” is withdrawn.</source>
        <translation>对“{rule}”的核对确认已撤销。</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>Mobile, or landline with area code</source>
        <translation>手机号码，或带区号的固定电话</translation>
    </message>
    <message>
        <source>Show the stored number</source>
        <translation>显示已保存的号码</translation>
    </message>
    <message>
        <source>Stored: {masked} — leave empty to keep it</source>
        <translation>已保存：{masked}（不填则保持不变）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Only what is needed to organise the hearing is kept. ID numbers are stored only when the host enterprise&apos;s security rules require it (a setting).</source>
        <translation>只保存组织旁听所必需的信息。只有承办企业的安保规定要求时，才保存身份证号码（在设置中开启）。</translation>
    </message>
    <message>
        <source>ID numbers are stored because the host&apos;s security rules require it; they are hidden everywhere except here.</source>
        <translation>因承办企业的安保规定要求，保存身份证号码；除本处外，其他地方一律隐藏。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This enterprise is not in the directory. Add it on the Enterprises page first, or choose one from the list.</source>
        <translation>企业名录中没有这家企业。请先在“企业”页面添加，或从列表中选择。</translation>
    </message>
</context>
<context>
    <name>PostponeDialog</name>
    <message>
        <source>Postpone hearing — {number}</source>
        <translation>延期开庭 — {number}</translation>
    </message>
    <message>
        <source>The hearing of {when} stays on record as postponed. With a new time a new hearing is scheduled; the notices must be served again.</source>
        <translation>原定 {when} 的开庭将记录为“已延期”。确定新时间的，将另行排期，并须重新送达开庭通知。</translation>
    </message>
    <message>
        <source>For example: the respondent applied in time for a postponement because its agent is ill</source>
        <translation>如：被申请人因代理人生病，在期限内申请延期开庭</translation>
    </message>
    <message>
        <source>The new time is known</source>
        <translation>已确定新的开庭时间</translation>
    </message>
    <message>
        <source>Postpone</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>延期原因</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>导入前核对</translation>
    </message>
    <message>
        <source>A trial run over the whole file: nothing has been saved yet. The first rows are shown with what the import will do to each.</source>
        <translation>已对整个文件试运行，尚未保存任何内容。下面列出前几行及导入时对每一行的处理。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>PublicNoticeDialog</name>
    <message>
        <source>Public notice — {number}</source>
        <translation>公告送达 — {number}</translation>
    </message>
    <message>
        <source>A party who cannot be found or served otherwise is served by public notice. The notice period is set by law, not typed: it is left out of the time limit, and a respondent&apos;s defence period starts on the day service counts as done.</source>
        <translation>受送达人下落不明或者用其他方式无法送达的，公告送达。公告期间由法律规定，无需填写：公告期间不计入审理期限，被申请人的答辩期自视为送达之日起计算。</translation>
    </message>
    <message>
        <source>No domicile in the People&apos;s Republic of China (60 days)</source>
        <translation>在中华人民共和国领域内没有住所（六十日）</translation>
    </message>
    <message>
        <source>For example: where the notice was published</source>
        <translation>例如：公告刊登的报纸或网站</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>受送达人</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>发出公告日期</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>送达文书</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>This case has no party.</source>
        <translation>本案没有当事人</translation>
    </message>
    <message>
        <source>no party</source>
        <translation>没有当事人</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>Point size of the interface text: comfortable for reading Chinese on an office monitor. Name of the Linux menu entry (``tribunal.desktop``, installed by the .deb): on Wayland the desktop shows that entry&apos;s icon and name for the window; on X11 it matches WM_CLASS.</extracomment>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecipientsDialog</name>
    <message>
        <source>Copy the list</source>
        <translation>复制名单</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RecommendationDialog</name>
    <message>
        <source>Recommendation to the employer — %1</source>
        <translation>仲裁建议书 — %1</translation>
    </message>
    <message>
        <source>Practices found</source>
        <translation>发现的用工问题</translation>
    </message>
    <message>
        <source>What the case showed</source>
        <translation>案件反映的情况</translation>
    </message>
    <message>
        <source>Date sent</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <source>Reply by</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <source>Save and print</source>
        <translation>保存并打印</translation>
    </message>
    <message>
        <source>Summary of the employer&apos;s written reply</source>
        <translation>用人单位书面回复的内容摘要</translation>
    </message>
    <message>
        <source>Record reply</source>
        <translation>登记回复</translation>
    </message>
    <message>
        <source>No recommendation of this case is awaiting a reply.</source>
        <translation>本案没有待回复的仲裁建议书。</translation>
    </message>
    <message>
        <source>Awaiting a reply: issued {issued}, reply due by {due}</source>
        <translation>待回复：{issued} 发出，回复期限 {due}</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>To {addressee}; reply due by {due}</source>
        <translation>致{addressee}，请于 {due} 前回复</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>The approval still stands (60 days from the new start)</source>
        <translation>该批准仍然有效（自重新计算之日起按六十日计算）</translation>
    </message>
    <message>
        <source>The approval has lapsed (45 days from the new start)</source>
        <translation>该批准已失效（自重新计算之日起按四十五日计算）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please say whether the approval still stands.</source>
        <translation>请选择该延长批准是否仍然有效。</translation>
    </message>
</context>
<context>
    <name>RecountDialog</name>
    <message>
        <source>Count afresh — {number}</source>
        <translation>重新计算期限 — {number}</translation>
    </message>
    <message>
        <source>The period is counted again from the day of the event. A re-count after the period has run out cannot revive it. Suspension and public notice are recorded with their own buttons.</source>
        <translation>期限自该事由发生之日起重新计算。期限届满后的重新计算不能使已届满的期限恢复。中止审理和公告送达请用各自的按钮登记。</translation>
    </message>
    <message>
        <source>Count afresh from this day</source>
        <translation>自该日起重新计算</translation>
    </message>
    <message>
        <source>Leave the days out of the time limit</source>
        <translation>该期间不计入审理期限</translation>
    </message>
    <message>
        <source>Already over, last day:</source>
        <translation>已经结束，最后一日：</translation>
    </message>
    <message>
        <source>For example: the applicant added a claim for overtime pay</source>
        <translation>如：申请人增加加班费请求</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Item 7</source>
        <translation>第（七）项</translation>
    </message>
    <message>
        <source>Counted again from</source>
        <translation>重新起算日</translation>
    </message>
    <message>
        <source>Left out until</source>
        <translation>不计入至</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>具体情况</translation>
    </message>
    <message>
        <source>Left out from</source>
        <translation>不计入自</translation>
    </message>
</context>
<context>
    <name>ReopenCaseDialog</name>
    <message>
        <source>Undo closing of {number}</source>
        <translation>撤销结案：{number}</translation>
    </message>
    <message>
        <source>For example: closed by mistake, the hearing has not taken place</source>
        <translation>例如：误操作结案，实际尚未开庭</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The case becomes open again. The reason is kept in the case&apos;s history.</source>
        <translation>撤销后案件恢复为未结案状态，原因会记入案件的修改记录。</translation>
    </message>
    <message>
        <source>Undo closing</source>
        <translation>撤销结案</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please give the reason for undoing the closing</source>
        <translation>请填写撤销结案的原因</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Every row of the file with what was done with it. Rows not imported can be corrected in the file and the file imported again: rows already imported are not imported twice.</source>
        <translation>文件中每一行的处理结果。未导入的行可以在文件中改正后重新导入整个文件，已导入的行不会重复导入。</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Rows not imported</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <source>Rows with a note</source>
        <translation>有说明的行</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Save report as text…</source>
        <translation>将报告另存为文本…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Cannot save the report</source>
        <translation>无法保存报告</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <source>What it counts</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <source>This month</source>
        <extracomment>What the background read of a report answers: the request it answers, both reports, the charts as SVG and the circuit report&apos;s lines. The day presets are reckoned from (tests set a fixed day).</extracomment>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Circuit tribunal work</source>
        <translation>巡回庭工作情况</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Dispute statistics (official return)</source>
        <translation>劳动人事争议处理情况统计表</translation>
    </message>
    <message>
        <source>Double-click a figure to see the cases, hearings, enterprises or people behind it. Hover over a figure for its definition.</source>
        <translation>双击某项数字，可查看其所统计的案件、开庭、企业或人员；鼠标停在数字上可看统计口径。</translation>
    </message>
    <message>
        <source>All zones</source>
        <translation>全部开发区</translation>
    </message>
    <message>
        <source>All circuit tribunals</source>
        <translation>全部巡回仲裁庭</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{period} · {scope}</source>
        <translation>{period} · {scope}</translation>
    </message>
    <message>
        <source>Export report</source>
        <extracomment>The charts as shown (SVG documents by key), for a look at what the screen drew.</extracomment>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>报表已导出</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Exporting the report…</source>
        <translation>正在导出报表…</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Service of the application copy — {number}</source>
        <translation>送达申请书副本 — {number}</translation>
    </message>
    <message>
        <source>The date the respondent received it: the date signed on the proof of service, or the postal receipt date. Each respondent&apos;s defence period runs from its own receipt.</source>
        <translation>被申请人收到的日期：送达回证上的签收日期，或邮件回执上的收件日期。每一名被申请人的答辩期自其本人收到之日起分别计算。</translation>
    </message>
    <message>
        <source>Receipt confirmed</source>
        <translation>已确认收到</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>受送达人</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>How</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This case has no respondent to serve the application on.</source>
        <translation>本案没有可送达申请书副本的被申请人</translation>
    </message>
    <message>
        <source>no respondent</source>
        <translation>没有被申请人</translation>
    </message>
</context>
<context>
    <name>ServiceRecordDialog</name>
    <message>
        <source>Service of the hearing notice — {number}</source>
        <translation>送达开庭通知 — {number}</translation>
    </message>
    <message>
        <source>The date the party received the notice: the date signed on the proof of service, or the postal receipt date. Notice by phone or electronically counts for a default award only once receipt is confirmed.</source>
        <translation>当事人收到通知的日期：送达回证上的签收日期，或邮件回执上的收件日期。以电话或电子方式通知的，须确认收到后才能作为缺席裁决的依据。</translation>
    </message>
    <message>
        <source>Receipt confirmed</source>
        <translation>已确认收到</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>How</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>New training session</source>
        <extracomment>The topics suggested for each type of dispute among ``hearings``.</extracomment>
        <translation>新增培训</translation>
    </message>
    <message>
        <source>Edit training session</source>
        <translation>编辑培训</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>(standalone session)</source>
        <translation>（单独举办，不随开庭）</translation>
    </message>
    <message>
        <source>Tick the suggested topics</source>
        <translation>勾选推荐主题</translation>
    </message>
    <message>
        <source>After the hearing</source>
        <translation>随开庭举办</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>培训名称</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Topics (ticked ones are covered, in this order)</source>
        <translation>培训主题（讲授勾选的主题，按此顺序）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source> (deactivated)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>★ marks the topics suggested for this type of dispute.</source>
        <translation>★ 表示针对该案由推荐的主题。</translation>
    </message>
    <message>
        <source>Link the session to a hearing to see the topics suggested for its type of dispute.</source>
        <translation>将培训与某场开庭关联后，可看到针对其案由推荐的主题。</translation>
    </message>
    <message>
        <source>Training saved — please check</source>
        <translation>培训已保存——请核对</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Arbitration commission</source>
        <translation>仲裁机构</translation>
    </message>
    <message>
        <source>Case numbers</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Hearings</source>
        <translation>开庭</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销未保存的修改</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Legal holidays…</source>
        <translation>法定节假日…</translation>
    </message>
    <message>
        <source>The holiday schedules that working-day deadlines are counted on: import a new year, correct a day</source>
        <translation>计算工作日期限所依据的节假日安排：导入新的一年、更正某一天</translation>
    </message>
    <message>
        <source>Deadlines in working days use the State Council&apos;s holiday schedule of each year.</source>
        <translation>以工作日计算的期限依据国务院办公厅每年公布的节假日安排。</translation>
    </message>
    <message>
        <source>Period rules…</source>
        <translation>期间规则…</translation>
    </message>
    <message>
        <source>Confirm each period rule (length, unit, articles) against the official text</source>
        <translation>对照官方文本逐条核对确认期间规则（长度、计算单位、条文）</translation>
    </message>
    <message>
        <source>Rules not yet checked against the official text are marked “rule to be checked” beside every date.</source>
        <translation>尚未对照官方文本核对的规则，在依其计算的每个日期旁标注“期间规则待核对”。</translation>
    </message>
    <message>
        <source>A new language takes effect the next time the program starts.</source>
        <translation>更改界面语言后，需重新启动程序才能生效。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{count} setting(s) not saved: see the reason in red.</source>
        <translation>有 {count} 项设置未保存，原因见红字。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Restart the program to use the new language.</source>
        <translation>重新启动程序后将使用新的界面语言。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有修改任何设置。</translation>
    </message>
    <message>
        <source>(the prefix or brackets are not valid yet)</source>
        <translation>（案号代字或括号尚不正确）</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc);;All files (*)</source>
        <translation>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This computer&apos;s settings</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>Kept in a file of this computer only ({path}); every other workstation keeps its own.</source>
        <translation>只保存在本机的设置文件中（{path}），其他工作站各有自己的设置。</translation>
    </message>
    <message>
        <source>Stored in the database and shared by everyone who uses it.</source>
        <translation>保存在数据库中，所有使用该数据库的工作站共用。</translation>
    </message>
    <message>
        <source>Circuit tribunals: where their hearings usually sit</source>
        <translation>巡回仲裁庭：通常开庭的企业</translation>
    </message>
    <message>
        <source>(empty: the bundled font)</source>
        <translation>（留空：使用内置字体）</translation>
    </message>
    <message>
        <source>(empty: the usual folder)</source>
        <translation>（留空：使用默认文件夹）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Your name, as the audit trail should show it</source>
        <translation>您的姓名，操作记录中将记为此名</translation>
    </message>
    <message>
        <source>(none: where its last hearing at an enterprise sat)</source>
        <translation>（未指定：取最近一次在企业开庭的地点）</translation>
    </message>
    <message>
        <source>(enterprise no. {id})</source>
        <translation>（企业编号 {id}）</translation>
    </message>
    <message>
        <source>Clerk, language, fonts and folders</source>
        <extracomment>The enterprises offered as a tribunal&apos;s usual venue (a bigger directory: the first by name).</extracomment>
        <translation>书记员、界面语言、字体与文件夹</translation>
    </message>
    <message>
        <source>The arbitration commission&apos;s settings</source>
        <translation>仲裁机构设置</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Arbitrators and clerks</source>
        <translation>仲裁员和书记员</translation>
    </message>
    <message>
        <source>One name per line. More can be added later.</source>
        <translation>每行一个姓名。以后还可以添加。</translation>
    </message>
    <message>
        <source>Arbitrators</source>
        <translation>仲裁员</translation>
    </message>
    <message>
        <source>Clerks</source>
        <translation>书记员</translation>
    </message>
</context>
<context>
    <name>StaleBanner</name>
    <message>
        <source>This record has been changed (on this or another workstation) since you opened it.</source>
        <extracomment>How long a window waiting in :func:`call` looks as it was before it is greyed out: most saves answer sooner, and a window that flickers grey on every save is worse than none. How often the newest audit entry is read, in milliseconds.</extracomment>
        <translation>此记录已被修改（在本机或其他工作站），与您打开时不同。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Show the saved record; what you typed here is dropped</source>
        <translation>显示已保存的记录；此处未保存的输入将被放弃</translation>
    </message>
</context>
<context>
    <name>StaleEditDialog</name>
    <message>
        <source>Saved by someone else meanwhile</source>
        <extracomment>What the dialog&apos;s ``exec`` returns for each choice.</extracomment>
        <translation>此记录已被他人修改</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>While you were editing, {who} changed and saved this record. Your changes have NOT been saved.</source>
        <translation>在您编辑期间，{who}修改并保存了此记录。您的修改尚未保存。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>原来</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Reload drops what you typed and shows the record as saved now. Back to my changes keeps your text in the form so that you can copy it; then reload and enter it again.</source>
        <translation>“重新载入”将放弃您填写的内容，显示已保存的记录；“返回修改”保留您填写的内容，便于复制后重新载入再填入。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Discard my changes and load the saved record</source>
        <translation>放弃我的修改，载入已保存的记录</translation>
    </message>
    <message>
        <source>Back to my changes</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Keep what I typed so that I can copy it</source>
        <translation>保留我填写的内容，以便复制</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <source>The database is empty. Tell the program about your commission once; every notice, number and report uses what you enter here.</source>
        <translation>数据库还是空的。请先填写本仲裁机构的信息，只需填写一次；以后的通知书、案号和报表都按这里填写的内容打印。</translation>
    </message>
    <message>
        <source>Try the demonstration data first (a separate demo database, never mixed with real cases)</source>
        <translation>先用演示数据试一试（单独的演示数据库，不会混入正式案件）</translation>
    </message>
    <message>
        <source>Press Next to set up your commission: its name, numbering, zones and circuit tribunals, arbitrators and clerks. Nothing is saved until you press Finish on the last page.</source>
        <translation>按“下一步”设置本仲裁机构：名称、编号、开发区和巡回仲裁庭、仲裁员和书记员。在最后一页按“完成”之前，什么都不会保存。</translation>
    </message>
    <message>
        <source>The demonstration uses an invented commission in Shaoyang; its window title says 演示数据. Start the program again to set up your own commission.</source>
        <translation>演示数据是虚构的邵阳市仲裁机构，窗口标题会标明“演示数据”。试用后重新打开程序，即可设置本仲裁机构。</translation>
    </message>
</context>
<context>
    <name>SuspensionDialog</name>
    <message>
        <source>Suspension — {number}</source>
        <translation>中止审理 — {number}</translation>
    </message>
    <message>
        <source>The days of a suspension (approved by the chair, the parties told in writing) are not counted in the time limit: its first and its last day are both not counted, and the count goes on from the day after.</source>
        <translation>中止审理（经仲裁委员会主任批准并书面通知当事人）期间不计入审理期限：中止期间的第一日和最后一日都不计入，自最后一日的次日起继续计算。</translation>
    </message>
    <message>
        <source>For example: awaiting the disability-grade appraisal</source>
        <translation>如：等待伤残等级鉴定结论</translation>
    </message>
    <message>
        <source>Who approved the suspension (optional)</source>
        <translation>批准中止的负责人（选填）</translation>
    </message>
    <message>
        <source>Already over, last day:</source>
        <translation>已结束，最后一日：</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>具体情况</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
</context>
<context>
    <name>TeachingCaseDialog</name>
    <message>
        <source>Teaching case of the training handout</source>
        <translation>培训讲义的案例文字</translation>
    </message>
    <message>
        <source>Observers read this in the training handout. Write it so that nobody can recognise the people: no names of parties, agents or witnesses, no body part or disability grade, no exact amount. The text below was generated from the case&apos;s type and claims; edit it as the lesson needs.</source>
        <translation>这段文字印在发给旁听人员的培训讲义中，应当让人无法认出当事人：不写当事人、代理人、证人的姓名或者名称，不写受伤部位和伤残等级，不写确切金额。下面的文字是按案由和仲裁请求自动生成的，可以根据讲解需要修改。</translation>
    </message>
    <message>
        <source>Use the generated text</source>
        <translation>使用自动生成的文字</translation>
    </message>
    <message>
        <source>Put the text generated from the case&apos;s type and claims back into the box</source>
        <translation>把按案由和仲裁请求自动生成的文字放回编辑框</translation>
    </message>
    <message>
        <source>Save and print</source>
        <translation>保存并制作文书</translation>
    </message>
    <message>
        <source>Save as reviewed</source>
        <translation>保存（已复核）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reviewed by {who} on {when}.</source>
        <translation>已由{who}于{when}复核。</translation>
    </message>
    <message>
        <source>Not reviewed yet: the handout would print the generated text.</source>
        <translation>尚未复核：讲义将使用自动生成的文字。</translation>
    </message>
</context>
<context>
    <name>TopicsDialog</name>
    <message>
        <source>Training topic library</source>
        <translation>培训主题库</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>新增主题</translation>
    </message>
    <message>
        <source>For example: 《劳动合同法》第十条</source>
        <translation>例如：《劳动合同法》第十条</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>主题名称</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Text for the handout</source>
        <translation>讲义内容</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Deactivated topics are no longer offered; sessions that used them keep them.</source>
        <translation>停用的主题不再供选择；已使用该主题的培训不受影响。</translation>
    </message>
    <message>
        <source>{title} (deactivated)</source>
        <translation>{title}（已停用）</translation>
    </message>
    <message>
        <source>Add topic</source>
        <translation>添加主题</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Use again</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Shipped with the program</source>
        <translation>程序自带</translation>
    </message>
    <message>
        <source>Added by the commission</source>
        <translation>本院添加</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>New session</source>
        <extracomment>Translation context of the strings (written out at each string: lupdate reads only literals).</extracomment>
        <translation>新增培训</translation>
    </message>
    <message>
        <source>Plan a training session (Ctrl+N)</source>
        <translation>安排一次培训（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Attendance…</source>
        <translation>参训人员…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Topic library…</source>
        <translation>主题库…</translation>
    </message>
    <message>
        <source>Edit the topics the sessions are chosen from</source>
        <translation>编辑供培训选用的主题</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>参训人员</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>standalone</source>
        <translation>单独举办</translation>
    </message>
    <message>
        <source>hearing no. {n}</source>
        <translation>第 {n} 号开庭</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>培训名称</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>After the hearing</source>
        <translation>随开庭举办</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>参训人数</translation>
    </message>
    <message>
        <source>{count} sessions</source>
        <translation>共 {count} 次培训</translation>
    </message>
    <message>
        <source>Choose a session to see its topics and who attended.</source>
        <translation>选择一次培训，即可查看其主题和参训人员。</translation>
    </message>
    <message>
        <source>Speaker: {name}</source>
        <translation>主讲人：{name}</translation>
    </message>
    <message>
        <source>Venue: {venue}</source>
        <translation>地点：{venue}</translation>
    </message>
    <message>
        <source>After the hearing {hearing}</source>
        <translation>随开庭举办：{hearing}</translation>
    </message>
    <message>
        <source>The hearing was not public: handouts must not name or describe its case.</source>
        <translation>该场开庭不公开审理：讲义中不得提及或描述该案件。</translation>
    </message>
    <message>
        <source>Attendance: {count} people</source>
        <translation>参训人员：{count} 人</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>删除培训</translation>
    </message>
    <message>
        <source>Delete the session “{title}” and its attendance list?</source>
        <translation>删除培训“{title}”及其参训人员名单吗？</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>In the directory</source>
        <translation>在名录中</translation>
    </message>
    <message>
        <source>No training sessions in this period. Press “New session” to arrange one, for example right after a hearing at an enterprise.</source>
        <translation>这段时间没有培训。点击“新增培训”安排一次，例如在企业开庭之后随即举行。</translation>
    </message>
</context>
<context>
    <name>TribunalsPage</name>
    <message>
        <source>Development zone</source>
        <translation>开发区（园区）</translation>
    </message>
    <message>
        <source>Circuit tribunal</source>
        <translation>巡回仲裁庭</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Zones and circuit tribunals</source>
        <translation>开发区和巡回仲裁庭</translation>
    </message>
    <message>
        <source>One line per circuit tribunal and the zone (园区) it serves. More can be added later; empty lines are left out.</source>
        <translation>每行填一个巡回仲裁庭及其所在的开发区（园区）。以后还可以添加；空行不保存。</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <source>Remove the line</source>
        <translation>删除所选行</translation>
    </message>
</context>
<context>
    <name>UserGuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>WageParametersDialog</name>
    <message>
        <source>Wage parameters</source>
        <translation>工资参数</translation>
    </message>
    <message>
        <source>The program ships no figures: enter each one as published, with the date it applies from and the document it comes from. Calculations use the figure in force on the relevant date for the area; a figure that is missing is asked for, never guessed.</source>
        <translation>本程序不附带任何数据：请按官方公布的文件逐项录入，注明起始适用日期和文件名称、文号。计算时按地区和相关日期取当时适用的数值；缺少的数值会提示录入，绝不推测。</translation>
    </message>
    <message>
        <source>Show removed figures</source>
        <translation>显示已删除的参数</translation>
    </message>
    <message>
        <source>Remove the selected figure…</source>
        <translation>删除所选参数…</translation>
    </message>
    <message>
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Months of the area&apos;s average monthly wage</source>
        <translation>月数 × 统筹地区上年度职工月平均工资</translation>
    </message>
    <message>
        <source>Months of the worker&apos;s own wage</source>
        <translation>月数 × 本人工资</translation>
    </message>
    <message>
        <source>Title and number of the published document</source>
        <translation>发布文件的名称和文号</translation>
    </message>
    <message>
        <source>Add this figure</source>
        <translation>录入此项参数</translation>
    </message>
    <message>
        <source>Enter a figure</source>
        <translation>录入参数</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>伤残等级</translation>
    </message>
    <message>
        <source>Applies from</source>
        <translation>起始适用日期</translation>
    </message>
    <message>
        <source>Applies until</source>
        <translation>截止适用日期</translation>
    </message>
    <message>
        <source>Given as</source>
        <translation>规定方式</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Entered: {what}</source>
        <translation>已录入：{what}</translation>
    </message>
    <message>
        <source>Remove figure</source>
        <translation>删除参数</translation>
    </message>
    <message>
        <source>Why is this figure removed?</source>
        <translation>删除此项参数的原因（如 录入错误、文件已废止）：</translation>
    </message>
    <message>
        <source>Removed: {what}</source>
        <translation>已删除：{what}</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Add a walk-in</source>
        <translation>添加现场人员</translation>
    </message>
    <message>
        <source>Type to find it; a new name is added</source>
        <translation>输入名称查找；名录中没有的将新增</translation>
    </message>
    <message>
        <source>Mobile, or landline with area code</source>
        <translation>手机号码，或带区号的固定电话</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checked in at {time}. The person takes one of the room&apos;s seats.</source>
        <translation>签到时间 {time}。此人将占用一个座位。</translation>
    </message>
</context>
<context>
    <name>WorkstationPage</name>
    <message>
        <source>This computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>Who works at this computer, and where its documents are saved. Other computers sharing the database keep their own.</source>
        <translation>这台电脑由谁使用、文书保存在哪里。共用同一数据库的其他电脑各自设置。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Clerk at this computer</source>
        <translation>本机书记员</translation>
    </message>
    <message>
        <source>Documents folder</source>
        <translation>文书保存文件夹</translation>
    </message>
    <message>
        <source>Leave the folder empty to use the one shown in grey.</source>
        <translation>文件夹留空，则使用灰字显示的默认文件夹。</translation>
    </message>
    <message>
        <source>Saved in {path}</source>
        <translation>保存在 {path}</translation>
    </message>
    <message>
        <source>Enter the name of the clerk at this computer</source>
        <translation>请填写使用这台电脑的书记员姓名</translation>
    </message>
    <message>
        <source>At most 60 characters</source>
        <translation>最多 60 个字</translation>
    </message>
</context>
<context>
    <name>WorkstationWizard</name>
    <message>
        <source>Setting up this computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>This computer&apos;s settings were not saved.</source>
        <translation>本机设置未保存。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Unexpected error</source>
        <extracomment>Chinese interface fonts, best first: Windows (微软雅黑), the Linux desktops of UOS/Kylin and others, macOS. Used when the desktop&apos;s own UI font cannot show Chinese.</extracomment>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>Something went wrong in the program. What you saved before is safe. Please tell the person who maintains the program and give them the details below.</source>
        <translation>程序运行中出现了意外错误。之前已保存的内容不受影响。请把下面的详细信息告诉负责维护本程序的人员。</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup was saved: {path}</source>
        <translation>今日的自动备份已保存：{path}</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup could not be made: {reason}</source>
        <translation>今日的自动备份未能完成：{reason}</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The program cannot start because the database cannot be opened.</source>
        <translation>数据库无法打开，程序不能启动。</translation>
    </message>
    <message>
        <source>The demonstration data cannot be opened.</source>
        <translation>无法打开演示数据库。</translation>
    </message>
    <message>
        <source>Loading the demonstration data…</source>
        <translation>正在载入演示数据……</translation>
    </message>
    <message>
        <source>Demonstration data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>The demonstration data could not be loaded.</source>
        <translation>演示数据未能载入。</translation>
    </message>
    <message>
        <source>Settings of this computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>Some settings of this computer could not be used; the defaults are used instead.</source>
        <translation>本机的部分设置无法使用，已改用默认值。</translation>
    </message>
    <message>
        <source>The database chosen cannot be opened; the program stays on the current one.</source>
        <translation>所选数据库无法打开，程序继续使用当前数据库。</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>本次安装缺少使用说明文件。</translation>
    </message>
</context>
<context>
    <name>msgbox</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Record not found</source>
        <translation>找不到记录</translation>
    </message>
    <message>
        <source>Please check the input</source>
        <translation>请检查填写的内容</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>数据库出错</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Something went wrong in the background: {error}</source>
        <extracomment>cases, parties, claims, closing statutory clocks: suspensions, extensions, service records hearings scheduled, moved, postponed, held, cancelled observers invited to hearings, check-in the enterprise directory, zones, contacts the observer register training sessions, topics, attendance documents made or reprinted commission settings, staff, rooms, tribunals the legal calendar (holidays, make-up working days) Which broadcast an audit entry&apos;s ``entity`` stands for (changes seen on other workstations). A progress window appears only for work that takes longer than this. The collector&apos;s thresholds while the program runs (Python&apos;s default is (700, 10, 10)). A full collection scans every object of the process and holds the GIL throughout: during a day pack or a 5,000-row import (much garbage made on the worker thread) it came every few seconds and stopped the GUI thread for 100–700 ms each time, whatever thread caused it. Measured with benchmarks/responsiveness.py on 2 loaded cores: the longest timer gap fell from 414–601 ms (day pack) and 394–757 ms (import) to 40–64 ms. Young objects are still collected as often as before; only full collections are a hundred times rarer. Threads answering reads. One: reads keep the order the clerk asked in, and the libraries some reports use (ReportLab&apos;s chart drawing) are not known to be safe in two threads at once. Reads still never wait behind a write, which has its own thread. Ops that have not answered yet (they have no Qt parent; this keeps them alive).</extracomment>
        <translation>后台处理出错：{error}</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <source>Give the whole path, e.g. D:\文书</source>
        <translation>请填写完整路径，如 D:\文书</translation>
    </message>
    <message>
        <source>This is a file, not a folder</source>
        <translation>这是一个文件，不是文件夹</translation>
    </message>
    <message>
        <source>The folder above it does not exist</source>
        <translation>上一级文件夹不存在</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
