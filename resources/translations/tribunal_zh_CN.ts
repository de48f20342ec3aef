<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Number of workers</source>
        <translation>涉及劳动者人数</translation>
    </message>
    <message>
        <source>Extension approved</source>
        <translation>批准延期</translation>
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
        <source>Arbitral tribunal</source>
        <translation>仲裁庭组成</translation>
    </message>
    <message>
        <source>Overview</source>
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
        <source>Agent</source>
        <translation>委托代理人</translation>
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
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Register a new case</source>
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
        <source>(case no longer exists)</source>
        <translation>（该案件已不存在）</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Register new case</source>
        <extracomment>Live search waits this long after the last keystroke before searching. The status filter&apos;s entry for every case that is still running.</extracomment>
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
    <name>CloseCaseDialog</name>
    <message>
        <source>Close case {number}</source>
        <translation>结案：{number}</translation>
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
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Once closed, the case can no longer be edited unless the closing is undone.</source>
        <translation>结案后案件不能再修改，除非撤销结案。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Open cases</source>
        <extracomment>Names of the figures, also passed with :attr:`DashboardPage.figure_opened`.</extracomment>
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
        <source>Closed, received this year</source>
        <translation>今年收件已结案</translation>
    </message>
    <message>
        <source>Cases received this year that are already closed</source>
        <translation>今年收件的案件中已经结案的</translation>
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
        <source>Quick actions</source>
        <translation>常用操作</translation>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <extracomment>Navigation entries, in order (Alt+1 … Alt+9).</extracomment>
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
        <source>Here you will schedule circuit hearings: choose the case, the host enterprise and room, the date and the panel. The program will warn you about the legal time limits and about anyone booked twice, and print the hearing pack.</source>
        <translation>这里将用于安排巡回庭开庭：选择案件、承办企业和开庭场所、开庭时间以及仲裁庭人员。程序会提醒法定期限和人员日程冲突，并打印整套开庭文书。</translation>
    </message>
    <message>
        <source>Here you will keep the enterprises of the development zones: name, credit code, address and HR contact, which of them host hearings and which send observers.</source>
        <translation>这里将用于管理开发区内的企业：名称、统一社会信用代码、地址和人力资源联系人，以及哪些企业承办开庭、哪些企业派人旁听。</translation>
    </message>
    <message>
        <source>Here you will keep the HR staff invited to observe hearings, send invitations, and tick who came on the day.</source>
        <translation>这里将用于管理受邀旁听庭审的企业人事人员：发出邀请，并在开庭当天登记到场情况。</translation>
    </message>
    <message>
        <source>Here you will record the short labour-law training held after a hearing: topics, speaker and who attended.</source>
        <translation>这里将用于记录庭后开展的劳动法律培训：培训内容、主讲人和参加人员。</translation>
    </message>
    <message>
        <source>Here you will find every document the program has printed (notices, proofs of service, announcements, sign-in sheets), to preview, print again or open its folder.</source>
        <translation>这里将列出程序生成的全部文书（开庭通知书、送达回证、开庭公告、签到表等），可以预览、重新打印或打开所在文件夹。</translation>
    </message>
    <message>
        <source>Here you will see the monthly figures of the circuit tribunals: hearings held, enterprises reached, observers trained and cases mediated, as tables and charts.</source>
        <translation>这里将按月统计巡回仲裁庭的工作情况：开庭次数、覆盖企业数、旁听培训人数和调解结案数，以表格和图表显示。</translation>
    </message>
    <message>
        <source>Tribunal — circuit tribunal workbench</source>
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
        <source>Clerk: {name}</source>
        <translation>书记员：{name}</translation>
    </message>
</context>
<context>
    <name>PartyForm</name>
    <message>
        <source>18 characters; the last may be X</source>
        <extracomment>Statuses the editor offers: the open ones (closing has its own action).</extracomment>
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
        <source>Leave empty if there is no agent</source>
        <translation>没有委托代理人的不填</translation>
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
        <source>Agent</source>
        <translation>委托代理人</translation>
    </message>
    <message>
        <source>Agent&apos;s phone</source>
        <translation>代理人电话</translation>
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
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This part is not available in this version of the program yet.</source>
        <translation>本版本尚未提供此功能。</translation>
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
        <source>This computer</source>
        <translation>本机</translation>
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
        <source>These settings are stored in the database and shared by everyone who uses it.</source>
        <translation>以下设置保存在数据库中，使用同一数据库的所有人共用。</translation>
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
</context>
<context>
    <name>app</name>
    <message>
        <source>Unexpected error</source>
        <extracomment>Point size of the interface text: comfortable for reading Chinese on an office monitor.</extracomment>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>Something went wrong in the program. What you saved before is safe. Please tell the person who maintains the program and give them the details below.</source>
        <translation>程序运行中出现了意外错误。之前已保存的内容不受影响。请把下面的详细信息告诉负责维护本程序的人员。</translation>
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
        <source>The program cannot start because the database cannot be read.</source>
        <translation>数据库无法读取，程序不能启动。</translation>
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
</TS>
