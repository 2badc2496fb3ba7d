<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyReportChart</name>
    <message>
        <location filename="../widgets/report/DailyReportChart.cpp" line="+59"/>
        <source>Registrations per hour</source>
        <translation>每小时登记量</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Face bands (pass rate %1%)</source>
        <translation>人脸比对分档（通过率 %1%）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual review</source>
        <translation>人工审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not compared</source>
        <translation>未比对</translation>
    </message>
</context>
<context>
    <name>DailyReportDocument</name>
    <message>
        <location filename="../widgets/report/DailyReportDocument.cpp" line="+132"/>
        <source>Daily report — outlet %1 — %2</source>
        <translation>日报 — 网点 %1 — %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Daily report — hall %1 — %2</source>
        <translation>日报 — 营业厅 %1 — %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generated %1</source>
        <translation>生成时间：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registrations: %1   Voided: %2   Not yet synced: %3</source>
        <translation>登记：%1   作废：%2   未同步：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accepted by HQ: %1   Rejected by HQ: %2   Waiting for manual review: %3</source>
        <translation>总部已受理：%1   总部已驳回：%2   待人工审核：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Face comparison pass rate: %1% (%2 of %3)   Average time per registration: %4 s</source>
        <translation>人脸比对通过率：%1%（%2/%3）   平均每笔登记用时：%4 秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Spot check: %1 sampled, %2 checked, %3 problems</source>
        <translation>抽查：抽取 %1 笔，已查 %2 笔，问题 %3 笔</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spot check: not drawn yet</source>
        <translation>抽查：尚未抽取</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Registrations</source>
        <translation>登记量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pass rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per clerk</source>
        <translation>按营业员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avg. time</source>
        <translation>平均用时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per package</source>
        <translation>按套餐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per customer type</source>
        <translation>按客户类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per counter</source>
        <translation>按柜台</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per transaction</source>
        <translation>按业务类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Face bands</source>
        <translation>人脸比对分档</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Daily report %1</source>
        <translation>日报 %1</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <location filename="../widgets/registration/RegistrationForm.cpp" line="+34"/>
        <source>Real-name re-verification form</source>
        <translation>实名补登记（二次实名核验）表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIM card replacement form</source>
        <translation>补换卡登记表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer of ownership form</source>
        <translation>过户登记表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number cancellation form</source>
        <translation>销户登记表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mobile number real-name registration form</source>
        <translation>移动电话号码实名登记表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transaction</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+6"/>
        <source>Package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Monthly fee</source>
        <translation>月费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Included</source>
        <translation>套餐内含</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contract term</source>
        <translation>合约期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number in service</source>
        <translation>在网号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One-off number fee</source>
        <translation>选号费（一次性）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New SIM card (ICCID)</source>
        <translation>新 SIM 卡（ICCID）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIM card (ICCID)</source>
        <translation>SIM 卡（ICCID）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>confirmed by %1</source>
        <translation>已由%1确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pending manager review</source>
        <translation>待店长审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face check</source>
        <translation>人证比对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlet</source>
        <translation>营业厅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Signature of the %1</source>
        <translation>%1签名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The customer has read the service agreement and the fraud-risk notice in full and signed them.</source>
        <translation>客户已完整阅读服务协议及防诈骗风险告知书并签字确认。</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <location filename="../widgets/review/ReviewText.cpp" line="+20"/>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minor</source>
        <translation>未成年人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not compared</source>
        <translation>未比对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manual review</source>
        <translation>人工审核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted by HQ</source>
        <translation>总部已受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected by HQ</source>
        <translation>总部已驳回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not queued</source>
        <translation>未排队</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nationwide limit of five numbers per identity reached</source>
        <translation>已达全国一证五号上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identity on the fraud-risk list</source>
        <translation>证件在涉诈风险名单中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document could not be verified</source>
        <translation>证件无法核验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number already registered elsewhere</source>
        <translation>号码已在他处登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIM card already registered to another number</source>
        <translation>该 SIM 卡已登记在其他号码下</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer is not the holder of this number at HQ</source>
        <translation>总部记录中该客户不是此号码的机主</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number is not in service with this operator at HQ</source>
        <translation>总部记录中该号码不在本运营商网内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HQ could not match this record (%1)</source>
        <translation>总部无法匹配此记录（%1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Contact the customer: another number held under this identity must be cancelled before this one can be kept. Otherwise void this record.</source>
        <translation>请联系客户：须先注销该证件名下的另一个号码，才能保留本号码。否则请作废此记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not activate the number. Void this record and follow the anti-fraud procedure.</source>
        <translation>请勿激活该号码。作废此记录并按反诈流程处理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the customer to come back with a valid document, then void this record.</source>
        <translation>请客户携带有效证件再来办理，然后作废此记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Void this record and register the customer with another number.</source>
        <translation>作废此记录，并为客户改用其他号码登记。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Void this record and give the customer another SIM card.</source>
        <translation>作废此记录，并为客户更换另一张 SIM 卡。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was changed on the number. Only its holder (for a transfer: the present holder) can do this; void this record and ask the holder to come in person.</source>
        <translation>号码未作任何变更。此业务只能由机主本人（过户时为原机主）办理；请作废此记录，并请机主本人到厅办理。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was changed. Check the number with the customer; void this record.</source>
        <translation>未作任何变更。请与客户核对号码，并作废此记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the reason with HQ support, then void the record or keep it.</source>
        <translation>请向总部支持核实原因，然后作废或保留该记录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Manual review rejected: %1</source>
        <translation>人工审核驳回：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected by HQ (%1): %2</source>
        <translation>总部驳回（%1）：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Database set up</source>
        <translation>数据库已建立</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account locked</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account added</source>
        <translation>新增账号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account disabled</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registration stored</source>
        <translation>登记已保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record viewed</source>
        <translation>查看记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Records exported</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record voided</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HQ answer received</source>
        <translation>收到总部回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager confirmed</source>
        <translation>店长确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager confirmation refused</source>
        <translation>店长确认被拒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photos removed (retention)</source>
        <translation>照片已清除（保存期满）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database key changed</source>
        <translation>数据库密钥已更换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record unreadable (damaged database), reported to HQ</source>
        <translation>记录无法读取（数据库损坏），已报总部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager window opened</source>
        <translation>打开店长窗口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager window refused</source>
        <translation>拒绝打开店长窗口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full document number shown</source>
        <translation>显示完整证件号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manual review approved</source>
        <translation>人工审核通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manual review rejected</source>
        <translation>人工审核驳回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HQ rejection voided</source>
        <translation>作废总部驳回的记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daily report exported</source>
        <translation>导出日报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role changed</source>
        <translation>变更角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
</context>
<context>
    <name>SessionText</name>
    <message>
        <location filename="../widgets/registration/SessionText.cpp" line="+13"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Transaction and customer</source>
        <translation>业务与客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents</source>
        <translation>证件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Face check</source>
        <translation>人证比对</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Number in service, new SIM</source>
        <translation>在网号码、新 SIM 卡</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number in service</source>
        <translation>在网号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Package, number, SIM</source>
        <translation>套餐、号码、SIM 卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreement and signature</source>
        <translation>协议与签名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New number (新入网)</source>
        <translation>新入网</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-verification of a number in service (实名补登记)</source>
        <translation>实名补登记 / 二次实名核验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIM replacement (补换卡)</source>
        <translation>补换卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer of ownership (过户)</source>
        <translation>过户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancellation (销户)</source>
        <translation>销户</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A new number and SIM card from this hall.</source>
        <translation>在本厅办理新号码和新 SIM 卡。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The holder of a number in service completes real-name verification to keep service.</source>
        <translation>在网号码的机主完成实名核验，以保留服务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A lost or broken SIM card is replaced after the holder is verified; the old card stops working.</source>
        <translation>核验机主身份后补换丢失或损坏的 SIM 卡；旧卡随即停用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number moves to a new holder: the present holder and the new holder are both verified.</source>
        <translation>号码转给新机主：原机主和新机主都须核验。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The verified holder ends the number&apos;s service.</source>
        <translation>经核验的机主注销该号码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minor with guardian</source>
        <translation>未成年人（监护人陪同）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent acting for the customer</source>
        <translation>代办人代客户办理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation (incl. telemarketing)</source>
        <translation>单位（含电话营销）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The customer registers in person with their own ID card.</source>
        <translation>客户本人持本人身份证办理登记。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A minor from the minimum age, with a guardian who shows their own ID and has their face checked too.</source>
        <translation>达到最低年龄的未成年人，须由监护人陪同；监护人出示本人证件，并同样进行人证比对。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone registers for the customer: both documents are needed; the agent&apos;s face is checked.</source>
        <translation>他人代客户办理：须提供双方证件；对代办人进行人证比对。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A company card: credit code, the handler&apos;s ID and face, authorisation letter; telemarketing packages also need the signed security commitment.</source>
        <translation>单位卡：须提供统一社会信用代码、经办人证件及人证比对、授权委托书；电话营销类套餐还须提供签字的安全责任承诺书。</translation>
    </message>
    <message numerus="yes">
        <location line="+65"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n个月</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>¥%1</source>
        <translation>¥%1</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager review</source>
        <translation>店长审核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not compared</source>
        <translation>未比对</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not yet captured</source>
        <translation>尚未采集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awaiting manager</source>
        <translation>等待店长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirmed by manager</source>
        <translation>店长已确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parked for manager review</source>
        <translation>已挂起待店长审核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed: try again</source>
        <translation>失败：请重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed too often</source>
        <translation>失败次数过多</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+7"/>
        <source>Unlimited</source>
        <translation>不限量</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>¥%1/month</source>
        <translation>¥%1/月</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/shiming/main.cpp" line="+41"/>
        <source>Real-name registration at the counter</source>
        <translation>营业厅实名登记</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run with a demo outlet, demo cards and a demo camera; no hardware needed.</source>
        <translation>使用演示营业厅、演示证件和演示摄像头运行，无需硬件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the time from start to the login window (ms) and quit.</source>
        <translation>输出从启动到登录窗口的耗时（毫秒）并退出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo mode: walk through one registration, save a PNG of each step into DIR, and quit.</source>
        <translation>演示模式：完整走一遍登记流程，将每一步保存为 PNG 存入 DIR，然后退出。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The outlet configuration file (default: outlet.ini in the configuration folders).</source>
        <translation>营业厅配置文件（默认：配置目录中的 outlet.ini）。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The configuration %1 cannot be used: %2</source>
        <translation>配置 %1 无法使用：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The counter cannot start with %1: %2</source>
        <translation>柜台无法使用 %1 启动：%2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
</context>
<context>
    <name>shiming::AgreementPage</name>
    <message>
        <location filename="../widgets/registration/AgreementPage.cpp" line="+54"/>
        <source>Service agreement (Alt+1)</source>
        <translation>服务协议(Alt+1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraud-risk notice (Alt+2)</source>
        <translation>反诈风险告知书(Alt+2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Clear signature (Ctrl+Backspace)</source>
        <translation>清除签名(Ctrl+Backspace)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I showed the customer both texts and saw them sign (Ctrl+K)</source>
        <translation>我已向客户出示两份文本并见证其签字(Ctrl+K)</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Complete. Press Enter to continue.</source>
        <translation>已完成。按 Enter 继续。</translation>
    </message>
</context>
<context>
    <name>shiming::ClerkText</name>
    <message>
        <location filename="../core/outlet/ClerkText.cpp" line="+21"/>
        <source>The input is not valid.</source>
        <translation>输入无效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The item was not found.</source>
        <translation>未找到该项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong account or password.</source>
        <translation>账号或密码错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A device is not working. Check the cable and try again.</source>
        <translation>设备工作异常。请检查连接线后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record could not be saved. Nothing was lost; call support if this repeats.</source>
        <translation>记录无法保存。数据未丢失；如反复出现，请联系技术支持。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Headquarters cannot be reached. Registrations are kept and sent later.</source>
        <translation>无法连接总部。登记记录已保留，稍后将自动上传。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+170"/>
        <source>The rules do not allow this registration.</source>
        <translation>规则不允许办理此登记。</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Unexpected error.</source>
        <translation>发生意外错误。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>person</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Place the %1&apos;s ID card on the reader (or enter a document without chip).</source>
        <translation>请将%1的身份证放在读卡器上（或录入无芯片证件）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photograph the photo page of the %1&apos;s document.</source>
        <translation>请拍摄%1证件的照片页。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the organisation&apos;s name and a valid unified social credit code.</source>
        <translation>请输入单位名称和有效的统一社会信用代码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capture the %1&apos;s face.</source>
        <translation>请采集%1的人脸。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1&apos;s face needs a manager&apos;s confirmation, or park the registration for review.</source>
        <translation>%1的人脸比对需店长确认，或将登记挂起待审核。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The face check failed too often. Cancel the registration.</source>
        <translation>人证比对失败次数过多。请取消本次登记。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a package.</source>
        <translation>请选择套餐。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The chosen package is not offered to this customer.</source>
        <translation>该客户不能办理所选套餐。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the customer&apos;s mobile number in service.</source>
        <translation>请输入客户的在网手机号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a number.</source>
        <translation>请选择号码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a mobile number: 11 digits starting with 1.</source>
        <translation>这不是手机号码：应为以 1 开头的 11 位数字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This number is no longer free (taken, or held by another counter). Choose another one.</source>
        <translation>该号码已不可用（已被占用，或正被其他柜台预占），请另选一个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the SIM card&apos;s ICCID barcode.</source>
        <translation>请扫描 SIM 卡上的 ICCID 条码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ICCID&apos;s last digit does not check: scan again. If this card has no check digit, compare the number printed on it and press Enter again to accept it.</source>
        <translation>ICCID 最后一位校验不符：请重新扫描。若此卡没有校验位，请核对卡上印刷的号码后再按一次 Enter 接受。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attach: %1.</source>
        <translation>请添加附件：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scroll the service agreement to the end.</source>
        <translation>请将服务协议滚动至末尾。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scroll the fraud-risk notice to the end.</source>
        <translation>请将防诈骗风险告知书滚动至末尾。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 signs on the pad.</source>
        <translation>请%1在签名板上签名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm that the customer read and signed.</source>
        <translation>请确认客户已阅读并签字。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Too many wrong passwords: this account is locked for %n more minute(s).</source>
        <translation>
            <numerusform>密码错误次数过多：此账号还将锁定 %n 分钟。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account is disabled or no longer at this outlet. Ask the store manager.</source>
        <translation>此账号已停用或已不在本营业厅。请联系店长。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a store manager or an admin can do this: the manager enters their own account and password.</source>
        <translation>只有店长或管理员可以执行此操作：请店长输入自己的账号和密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your role does not allow this on that account (a manager manages clerks; an admin manages managers).</source>
        <translation>您的角色无权对该账号执行此操作（店长管理营业员；管理员管理店长）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the account a name without slashes.</source>
        <translation>请为账号起一个不含斜杠的名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An account named %1 exists already: choose another name.</source>
        <translation>已有名为 %1 的账号，请另选名称。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The password needs at least %n character(s).</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The administrator&apos;s password must mix letters with digits or signs.</source>
        <translation>管理员密码须同时包含字母和数字或符号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password must not contain the account&apos;s name.</source>
        <translation>密码中不能包含账号名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一致：请输入两次相同的密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The document is not valid (number, dates or check character).</source>
        <translation>证件无效（号码、日期或校验码有误）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document has expired.</source>
        <translation>证件已过期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document expires within 30 days.</source>
        <translation>证件将在 30 天内过期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This document is not accepted here (chip cards must be read on the reader; a household register only for minors).</source>
        <translation>此处不受理该证件（芯片证件须通过读卡器读取；户口簿仅限未成年人使用）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer is under %1 and cannot register a number.</source>
        <translation>客户未满 %1 周岁，不能登记号码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer is under %1: choose &quot;Minor with guardian&quot;.</source>
        <translation>客户未满 %1 周岁：请选择“未成年人（监护人陪同）”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer is an adult: choose &quot;Individual&quot;.</source>
        <translation>客户已成年：请选择“个人”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date of birth cannot be read.</source>
        <translation>无法读取出生日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The person acting for the customer must be at least %1.</source>
        <translation>代客户办理的人须年满 %1 周岁。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This identity already holds %1 numbers with us (limit reached, counting this outlet and headquarters).</source>
        <translation>该证件名下在我司已有 %1 个号码（已达上限，含本营业厅及总部数据）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This identity holds %1 numbers: this will be the last one allowed.</source>
        <translation>该证件名下已有 %1 个号码：这将是允许登记的最后一个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This identity is on the fraud risk list: the registration is refused. Follow the risk procedure.</source>
        <translation>该证件在涉诈风险名单中：拒绝登记。请按风险处理流程操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The guardian or agent cannot be the customer.</source>
        <translation>监护人或代办人不能是客户本人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The numbers this customer already holds cannot be checked (the outlet database cannot be read), so the registration is refused. Sign out and in again; call support if this repeats.</source>
        <translation>无法核对该客户已持有的号码（本网点数据库无法读取），因此不能办理。请退出后重新登录；如反复出现，请联系技术支持。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The image cannot be read. Take the photo again.</source>
        <translation>无法读取图像，请重新拍照。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image is too large. Use the camera or a smaller file.</source>
        <translation>图像过大，请使用摄像头拍摄或选择较小的文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No face found. Ask the customer to face the camera.</source>
        <translation>未检测到人脸，请客户正对摄像头。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More than one face is visible. Only the customer may be in the picture.</source>
        <translation>画面中有多张人脸，画面里只能有客户本人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The face is cut off. Ask the customer to move to the centre.</source>
        <translation>人脸不完整，请客户移到画面中央。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The face is too small. Ask the customer to come closer.</source>
        <translation>人脸太小，请客户靠近一些。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The face is too close. Ask the customer to move back a little.</source>
        <translation>人脸太近，请客户稍微后退。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The picture is blurred. Ask the customer to hold still.</source>
        <translation>画面模糊，请客户保持不动。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The face is too dark. Turn on more light.</source>
        <translation>人脸太暗，请增加照明。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The face is overexposed. Reduce light or glare behind the camera.</source>
        <translation>人脸过曝，请减弱光线或避免摄像头后方的强光。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The head is turned. Ask the customer to look straight at the camera.</source>
        <translation>头部偏转，请客户正视摄像头。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The head is tilted. Ask the customer to keep the chin level.</source>
        <translation>头部俯仰，请客户保持下巴水平。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The eyes look closed. Ask the customer to open their eyes.</source>
        <translation>眼睛似乎闭着，请客户睁开眼睛。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This may be a photo or a screen, not a person. A manager must check.</source>
        <translation>这可能是照片或屏幕而非真人，须由店长核查。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The face comparison stopped on this picture. Capture again; if it repeats, park the registration for a manager.</source>
        <translation>此照片的人脸比对中断。请重新拍照；如反复出现，请挂起本次登记交由店长审核。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Face comparison is unavailable. The registration goes to manager review.</source>
        <translation>人证比对不可用，本次登记将转店长审核。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk is full: free space and try again. Nothing was lost.</source>
        <translation>磁盘已满：请释放空间后重试。数据未丢失。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The day&apos;s spot check is drawn once the hall has closed (%1): until then it would check only the day&apos;s first registrations.</source>
        <translation>当天的抽查在营业厅关门（%1）后抽取：在此之前抽取只会抽到当天最早的登记。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This counter&apos;s database is damaged. Tell the store manager: the records that can still be read keep going to HQ, and the manager restores the last backup.</source>
        <translation>本柜台的数据库已损坏。请告知店长：仍可读取的记录会继续上报总部，由店长恢复最近的备份。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This step is not complete.</source>
        <translation>此步骤尚未完成。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current holder</source>
        <translation>原机主</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New number</source>
        <translation>新入网</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-verification of a number in service</source>
        <translation>实名补登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIM replacement</source>
        <translation>补换卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer of ownership</source>
        <translation>过户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancellation</source>
        <translation>销户</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authorisation letter</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed security commitment</source>
        <translation>签字的安全责任承诺书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filed call script</source>
        <translation>已备案的外呼话术</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a required document</source>
        <translation>所需材料</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scan the ICCID barcode on the SIM card.</source>
        <translation>请扫描 SIM 卡上的 ICCID 条码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An ICCID has digits only.</source>
        <translation>ICCID 只能包含数字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An ICCID has 19 or 20 digits.</source>
        <translation>ICCID 为 19 位或 20 位数字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not an ICCID (it must start with 89).</source>
        <translation>这不是 ICCID（须以 89 开头）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This SIM card belongs to another operator.</source>
        <translation>该 SIM 卡属于其他运营商。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This SIM card is already bound to another registration. Take a new card.</source>
        <translation>此 SIM 卡已绑定到另一笔登记，请换一张新卡。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The SIM card cannot be checked against the registrations (the outlet database cannot be read). Sign out and in again; call support if this repeats.</source>
        <translation>无法核对此 SIM 卡是否已被使用（营业厅数据库无法读取）。请退出后重新登录；如反复出现，请联系技术支持。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ICCID is not valid.</source>
        <translation>ICCID 无效。</translation>
    </message>
</context>
<context>
    <name>shiming::CustomerDisplay</name>
    <message>
        <location filename="../widgets/registration/CustomerDisplay.cpp" line="+22"/>
        <source>Your registration</source>
        <translation>您的登记信息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mobile number registration in your name</source>
        <translation>以您本人名义办理手机号码实名登记</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Welcome. Please wait for the clerk.</source>
        <translation>欢迎光临。请稍候，营业员将为您办理。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Registration type</source>
        <translation>登记类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly fee</source>
        <translation>月费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contract term</source>
        <translation>合约期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-off number fee</source>
        <translation>选号费（一次性）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You are signing the service agreement and the fraud-risk notice. Never hand this card to anyone else.</source>
        <translation>您正在签署服务协议及反诈风险告知书。切勿将本卡转交他人使用。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Registered. Thank you.</source>
        <translation>登记完成。谢谢！</translation>
    </message>
</context>
<context>
    <name>shiming::CustomerTypePage</name>
    <message>
        <location filename="../widgets/registration/CustomerTypePage.cpp" line="+24"/>
        <source>The customer comes for (Alt+&amp;T):</source>
        <translation>客户办理业务（Alt+&amp;T）：</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Who is the number for?</source>
        <translation>号码为谁办理？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is the new holder?</source>
        <translation>新机主是谁？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who holds the number?</source>
        <translation>号码的机主是谁？</translation>
    </message>
</context>
<context>
    <name>shiming::DemoEnvironment</name>
    <message>
        <location filename="../widgets/registration/DemoEnvironment.cpp" line="+243"/>
        <source>Demo mode.
Clerk: %1 / %2
Manager: %3 / %4
The simulated reader presents the demo cards one after another; the demo camera plays demo images.</source>
        <translation>演示模式。
营业员：%1 / %2
店长：%3 / %4
模拟读卡器依次提供演示身份证；演示摄像头播放演示图像。</translation>
    </message>
</context>
<context>
    <name>shiming::DocumentCheckForm</name>
    <message>
        <location filename="../widgets/identity/DocumentCheckForm.cpp" line="+25"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type, paste or scan the number; an MRZ goes line by line</source>
        <translation>输入、粘贴或扫描号码；MRZ 需逐行输入</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Document &amp;type</source>
        <translation>证件类型(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Value</source>
        <translation>值(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Normalised</source>
        <translation>规范化结果</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>✔ Valid</source>
        <translation>✔ 有效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✘ Invalid</source>
        <translation>✘ 无效</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Note: %1</source>
        <translation>说明：%1</translation>
    </message>
</context>
<context>
    <name>shiming::DocumentPage</name>
    <message>
        <location filename="../widgets/registration/DocumentPage.cpp" line="+80"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Organisation name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Document without chip (Ctrl+M)</source>
        <translation>无芯片证件(Ctrl+M)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>For</source>
        <translation>证件所属</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the document type</source>
        <translation>请选择证件类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type or paste the machine-readable zone (2 or 3 lines)</source>
        <translation>输入或粘贴机读区（2 行或 3 行）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MRZ</source>
        <translation>MRZ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this document</source>
        <translation>使用此证件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photograph photo page (F7)</source>
        <translation>拍摄证件资料页(F7)</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>This card is already read as the %1&apos;s.</source>
        <translation>此卡已作为%1的证件读取。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every document is filled in. Replace the %1&apos;s document with the card just read?</source>
        <translation>证件均已录入。是否用刚读取的卡替换%1的证件？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Card ignored: the documents already filled in are kept. To replace one, choose it under &quot;For&quot; and place the card again.</source>
        <translation>已忽略此卡：已录入的证件保持不变。如需替换，请在“证件所属”中选择相应人员后重新放卡。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Waiting for the card…</source>
        <translation>等待读卡…</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n 岁</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Valid: long term</source>
        <translation>有效期限：长期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Numbers held: %1 (limit %2)</source>
        <translation>名下号码数：%1（上限 %2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Documents complete. Press Enter to continue.</source>
        <translation>证件已齐全。按 Enter 继续。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Choose the document type.</source>
        <translation>请选择证件类型。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in: %1.</source>
        <translation>请填写：%1。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The camera gave no picture.</source>
        <translation>摄像头未获取到画面。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not a valid unified social credit code.</source>
        <translation>不是有效的统一社会信用代码。</translation>
    </message>
</context>
<context>
    <name>shiming::FacePage</name>
    <message>
        <location filename="../widgets/registration/FacePage.cpp" line="+62"/>
        <source>Capture (F5 / Space)</source>
        <translation>拍照(F5 / Space)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Manager account</source>
        <translation>店长账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager password</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Manager confirms</source>
        <translation>店长确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Park for manager review (F8)</source>
        <translation>挂起，待店长审核(F8)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No camera: comparison goes to a manager.</source>
        <translation>无摄像头：比对转由店长处理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Face comparison is unavailable (models not installed): a manager confirms.</source>
        <translation>人脸比对不可用（未安装模型）：由店长确认。</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Ready for another try: press F5</source>
        <translation>可以再试一次：按 F5 拍照</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Good: press F5 to capture</source>
        <translation>状态良好：按 F5 拍照</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Capture again: one face, looking at the camera.</source>
        <translation>请重新拍照：仅限一张人脸，正视摄像头。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Score %1 — %2</source>
        <translation>分数 %1 — %2</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>还剩 %n 次机会</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many failures: cancel the registration (F12).</source>
        <translation>失败次数过多：请取消本次登记(F12)。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Face check: %1 %2</source>
        <translation>人脸核验：%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face check: %1</source>
        <translation>人脸核验：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No document photo</source>
        <translation>无证件照片</translation>
    </message>
</context>
<context>
    <name>shiming::LockOverlay</name>
    <message>
        <location filename="../widgets/login/LockOverlay.cpp" line="+30"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The counter is locked. %1, enter your password to go on; the registration in progress is kept.</source>
        <translation>柜台已锁定。%1，请输入密码继续；正在办理的登记会保留。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The counter locked itself after a pause. %1, enter your password to go on; the registration in progress is kept.</source>
        <translation>终端闲置后已自动锁定。%1，请输入密码继续；正在办理的登记已保留。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unlock first: the counter closes only after the password is entered.</source>
        <translation>请先解锁：输入密码后才能关闭。</translation>
    </message>
</context>
<context>
    <name>shiming::LoginScreen</name>
    <message>
        <location filename="../widgets/login/LoginScreen.cpp" line="+28"/>
        <source>Real-name registration — sign in</source>
        <translation>实名登记 — 登录</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign in (Enter)</source>
        <translation>登录(Enter)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Outlet: %1</source>
        <translation>网点：%1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>shiming::MainWindow</name>
    <message>
        <location filename="../widgets/MainWindow.cpp" line="+63"/>
        <location line="+10"/>
        <location line="+65"/>
        <source>Shiming real-name registration</source>
        <translation>Shiming 实名登记系统</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This counter is not set up yet</source>
        <translation>本柜台尚未配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This counter cannot start</source>
        <translation>本柜台无法启动</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&lt;p&gt;A counter needs its outlet configuration: an INI file that the installer writes, with the outlet database, the card reader&apos;s serial port, the camera and the face model folder. It holds no passwords or keys.&lt;/p&gt;&lt;p&gt;Looked for:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;Put it at &lt;code&gt;%2&lt;/code&gt; (for every user of this computer), or start the counter with &lt;code&gt;shiming --config FILE&lt;/code&gt;. A minimal file:&lt;/p&gt;&lt;pre&gt;[outlet]
database=/var/lib/shiming/outlet.db
id=GD-SZ-0042
[reader]
port=/dev/ttyUSB0
[camera]
device=/dev/video0&lt;/pre&gt;&lt;p&gt;The database itself is created with &lt;code&gt;shimingctl db init&lt;/code&gt; and linked to HQ with &lt;code&gt;shimingctl sync setup&lt;/code&gt;. To try the counter without any hardware, start &lt;code&gt;shiming --demo&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;柜台需要营业厅配置：由安装程序写入的 INI 文件，包含营业厅数据库、读卡器串口、摄像头和人脸模型目录。文件中不含任何密码或密钥。&lt;/p&gt;&lt;p&gt;已查找：&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;请将其放在 &lt;code&gt;%2&lt;/code&gt;（本机所有用户可用），或用 &lt;code&gt;shiming --config 文件&lt;/code&gt; 启动柜台。最简配置：&lt;/p&gt;&lt;pre&gt;[outlet]
database=/var/lib/shiming/outlet.db
id=GD-SZ-0042
[reader]
port=/dev/ttyUSB0
[camera]
device=/dev/video0&lt;/pre&gt;&lt;p&gt;数据库用 &lt;code&gt;shimingctl db init&lt;/code&gt; 创建，并用 &lt;code&gt;shimingctl sync setup&lt;/code&gt; 与总部关联。无需任何硬件试用柜台，请运行 &lt;code&gt;shiming --demo&lt;/code&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+8"/>
        <location line="+156"/>
        <source>&amp;Document check</source>
        <translation>证件核验(&amp;D)</translation>
    </message>
    <message>
        <location line="-157"/>
        <location line="+156"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Camera: none</source>
        <translation>摄像头：无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Camera: ready</source>
        <translation>摄像头：就绪</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Camera: on</source>
        <translation>摄像头：已开启</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Camera: not working</source>
        <translation>摄像头：故障</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Face comparison unavailable (models missing): faces go to a manager.</source>
        <translation>人脸比对不可用（缺少模型）：人脸转由店长核验。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Registration</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New registration</source>
        <translation>新建登记(&amp;N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Large text for elderly customers</source>
        <translation>老年客户大字模式(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Customer screen</source>
        <translation>客户屏(&amp;C)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Sign out to change the language.</source>
        <translation>请先退出登录，再切换语言。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Sync with HQ now</source>
        <translation>立即与总部同步(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Manager review...</source>
        <translation>店长审核(&amp;M)...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Sign out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>database damaged: %n records cannot be read, tell the manager</source>
        <translation>
            <numerusform>数据库已损坏：%n 条记录无法读取，请告知店长</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>database damaged, tell the manager</source>
        <translation>数据库已损坏，请告知店长</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>To HQ: shown after sign-in</source>
        <translation>待报总部：登录后显示</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>To HQ: %n waiting · demo outlet, no HQ</source>
        <translation>
            <numerusform>待报总部：%n 条 · 演示营业厅，无总部</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>To HQ: %n waiting · not enrolled with HQ</source>
        <translation>
            <numerusform>待报总部：%n 条 · 未在总部登记</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>last attempt failed</source>
        <translation>上次同步失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+22"/>
        <source>Manager review</source>
        <translation>店长审核</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>A store manager signs in with their own account. The clerk stays signed in.</source>
        <translation>请店长用本人账号登录。营业员保持登录状态。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager &amp;account</source>
        <translation>店长账号(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Document check</source>
        <translation>证件核验</translation>
    </message>
</context>
<context>
    <name>shiming::OutletEnvironment</name>
    <message>
        <location filename="../widgets/outlet/OutletEnvironment.cpp" line="+68"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No catalogue configured: packages and numbers cannot be chosen.</source>
        <translation>未配置套餐目录：无法选择套餐和号码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No chip photo decoder: the customer&apos;s document photo page is photographed instead.</source>
        <translation>没有芯片照片解码器：改为拍摄客户证件的照片页。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No card reader configured: documents are typed in.</source>
        <translation>未配置读卡器：证件信息需手工录入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Camera %1 is not connected.</source>
        <translation>摄像头 %1 未连接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No camera configured.</source>
        <translation>未配置摄像头。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Face comparison unavailable (models missing): faces go to a manager.</source>
        <translation>人脸比对不可用（缺少模型）：人脸转由店长核验。</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>扫描件 (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
</context>
<context>
    <name>shiming::PackagePage</name>
    <message>
        <location filename="../widgets/registration/PackagePage.cpp" line="+55"/>
        <source>Package (Alt+P)</source>
        <translation>套餐(Alt+P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Monthly fee</source>
        <translation>月费</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minutes</source>
        <translation>通话分钟数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data</source>
        <translation>流量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contract</source>
        <translation>合约期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Number (Alt+N)</source>
        <translation>号码(Alt+N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Digits the customer wants, e.g. 8888</source>
        <translation>客户想要的数字，如 8888</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>SIM card (Alt+S)</source>
        <translation>SIM 卡(Alt+S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan the ICCID barcode</source>
        <translation>扫描 ICCID 条码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>(number selection fee, one-off ¥%1)</source>
        <translation>（选号费，一次性 ¥%1）</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>SIM card accepted without a check digit (compared with the number printed on the card).</source>
        <translation>SIM 卡已接受（无校验位，已与卡上印刷的号码核对）。</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+37"/>
        <source>No free number contains these digits.</source>
        <translation>没有包含这些数字的空闲号码。</translation>
    </message>
    <message>
        <location line="-289"/>
        <source>Number in service (Alt+N)</source>
        <translation>在网号码（Alt+N）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The customer&apos;s mobile number, 11 digits</source>
        <translation>客户的手机号码，11 位</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Number %1.</source>
        <translation>号码 %1。</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Choose a number in the list (arrow keys, then Enter), or type the digits the customer wants.</source>
        <translation>请在列表中选择号码（方向键选中后按 Enter），或输入客户想要的数字。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>SIM card accepted.</source>
        <translation>SIM 卡已受理。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From file…</source>
        <translation>从文件…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>PDF, %1 KB</source>
        <translation>PDF，%1 KB</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No number reserved</source>
        <translation>未预占号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reserved: %1 (one-off number fee ¥%2)</source>
        <translation>已预占：%1（选号费 ¥%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserved: %1</source>
        <translation>已预占：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete. Press Enter to continue.</source>
        <translation>已完成。按 Enter 继续。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The file cannot be attached (missing, empty or larger than 20 MB).</source>
        <translation>无法添加该附件（文件不存在、为空或超过 20 MB）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach a JPEG, PNG or PDF file.</source>
        <translation>请添加 JPEG、PNG 或 PDF 文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The scan cannot be read (damaged file): scan the page again.</source>
        <translation>扫描件无法读取（文件已损坏），请重新扫描。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The camera gave no picture.</source>
        <translation>摄像头未获取到画面。</translation>
    </message>
</context>
<context>
    <name>shiming::RegistrationWizard</name>
    <message>
        <location filename="../widgets/registration/RegistrationWizard.cpp" line="+84"/>
        <source>Cancel registration (F12)</source>
        <translation>取消登记(F12)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back (Esc)</source>
        <translation>返回(Esc)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next (Enter)</source>
        <translation>下一步(Enter)</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>A registration is in progress. Close anyway? It is cancelled: nothing is saved and the number is released.</source>
        <translation>有登记正在办理。仍要关闭吗？本次登记将被取消：不保存任何内容，号码将释放。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel this registration? Nothing is saved and the number is released.</source>
        <translation>确定取消本次登记？所有内容都不会保存，号码将被释放。</translation>
    </message>
</context>
<context>
    <name>shiming::SetupWizard</name>
    <message>
        <location filename="../widgets/setup/SetupWizard.cpp" line="+85"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The outlet id as HQ issued it, the operator, where the encrypted database is kept and the catalogue of packages and numbers.</source>
        <translation>总部分配的网点编号、运营商、加密数据库的存放位置，以及套餐和号码目录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>China Mobile</source>
        <translation>中国移动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China Unicom</source>
        <translation>中国联通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China Telecom</source>
        <translation>中国电信</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none: packages and numbers cannot be chosen</source>
        <translation>无：不能选择套餐和号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+781"/>
        <source>Outlet id:</source>
        <translation>网点编号：</translation>
    </message>
    <message>
        <location line="-780"/>
        <location line="+781"/>
        <source>Operator:</source>
        <translation>运营商：</translation>
    </message>
    <message>
        <location line="-780"/>
        <location line="+781"/>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <location line="-780"/>
        <location line="+781"/>
        <source>Catalogue:</source>
        <translation>目录：</translation>
    </message>
    <message>
        <location line="-778"/>
        <source>Catalogue</source>
        <translation>目录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Catalogues (*.json)</source>
        <translation>目录文件 (*.json)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The outlet id is 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, exactly as HQ issued it (for example GD-SZ-0042).</source>
        <translation>网点编号为 1 至 64 个字母、数字、“.”、“_”或“-”，须与总部分配的完全一致（例如 GD-SZ-0042）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database file needs a full path, such as /var/lib/shiming/outlet.db.</source>
        <translation>数据库文件须填写完整路径，例如 /var/lib/shiming/outlet.db。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is an outlet database at %1 already. The setup never overwrites one: choose another file, or start the counter with its configuration.</source>
        <translation>%1 已有网点数据库。设置向导不会覆盖已有数据库：请选择其他文件，或用该数据库的配置启动柜台。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The catalogue %1 cannot be used: %2</source>
        <translation>目录 %1 无法使用：%2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The administrator adds the managers and clerks. Choose a password of at least %1 characters that mixes letters with digits or signs, and keep it safe: it unlocks the outlet database.</source>
        <translation>管理员负责添加店长和营业员。请设置至少 %1 位、同时包含字母和数字或符号的密码，并妥善保管：它可以解锁网点数据库。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Account name:</source>
        <translation>账号名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The password is strong enough.</source>
        <translation>密码强度足够。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ&apos;s credential bundle lets this outlet send its registrations to headquarters. An outlet without one works offline and is enrolled later with shimingctl sync setup.</source>
        <translation>总部凭据包让本网点把登记记录报送总部。没有凭据包的网点离线工作，以后用 shimingctl sync setup 接入。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Bundle file:</source>
        <translation>凭据包文件：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HQ credential bundle</source>
        <translation>总部凭据包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundles (*.bundle *.json)</source>
        <translation>凭据包 (*.bundle *.json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HQ address:</source>
        <translation>总部地址：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bundle holds this outlet&apos;s private key: delete the file (and the USB copy) once the setup is finished. The database keeps it encrypted.</source>
        <translation>凭据包含有本网点的私钥：设置完成后请删除该文件（以及 U 盘上的副本）。数据库中会加密保存。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This bundle is for outlet %1, not %2: ask HQ for this outlet&apos;s bundle, or go back and correct the outlet id.</source>
        <translation>此凭据包属于网点 %1，而不是 %2：请向总部索取本网点的凭据包，或返回修改网点编号。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HQ&apos;s address must be https://HOST:PORT, as HQ gave it.</source>
        <translation>总部地址须为 https://主机:端口，以总部提供的为准。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import HQ&apos;s credential bundle</source>
        <translation>导入总部凭据包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline outlet: enrol later</source>
        <translation>离线网点：以后再接入</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose the bundle file HQ sent for this outlet, or choose &quot;Offline outlet&quot;.</source>
        <translation>请选择总部发给本网点的凭据包文件，或选择“离线网点”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file %1 cannot be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file %1 is not an HQ credential bundle.</source>
        <translation>文件 %1 不是总部凭据包。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The serial port of the second-generation ID card reader. Place a card and test it before going on.</source>
        <translation>二代身份证读卡器所在的串口。继续之前请放一张证件测试。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none: the photo page is photographed instead</source>
        <translation>无：改为拍摄证件照片页</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other port:</source>
        <translation>其他端口：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo decoder library:</source>
        <translation>照片解码库：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Photo decoder library</source>
        <translation>照片解码库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Libraries (*.so *.so.*)</source>
        <translation>库文件 (*.so *.so.*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No card was read within %1 seconds. Check the cable and the port, then test again.</source>
        <translation>%1 秒内未读到证件。请检查连接线和端口，然后再试。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Other port…</source>
        <translation>其他端口…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No card reader (documents are typed in)</source>
        <translation>不用读卡器（手工录入证件）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type the reader&apos;s port, or choose &quot;No card reader&quot;.</source>
        <translation>请输入读卡器的端口，或选择“不用读卡器”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+54"/>
        <source>There is no serial port %1 on this computer.</source>
        <translation>本机没有串口 %1。</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>The photo decoder library %1 cannot be loaded.</source>
        <translation>无法加载照片解码库 %1。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Read a card now</source>
        <translation>现在读一张证件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose or type the reader&apos;s port first.</source>
        <translation>请先选择或输入读卡器的端口。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>chip photo decoded</source>
        <translation>芯片照片已解码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chip photo not decoded</source>
        <translation>芯片照片未解码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reader works: read %1, %2 (%3).</source>
        <translation>读卡器工作正常：读到 %1，%2（%3）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connecting to the reader on %1…</source>
        <translation>正在连接 %1 上的读卡器…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The camera that photographs the customer. The picture below is live: check that a face at the counter is sharp and well lit.</source>
        <translation>用于拍摄客户的摄像头。下方为实时画面：请确认柜台前的人脸清晰、光线充足。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+319"/>
        <source>Camera:</source>
        <translation>摄像头：</translation>
    </message>
    <message>
        <location line="-304"/>
        <source>No camera</source>
        <translation>不用摄像头</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The camera %1 gives no picture: choose another one, or &quot;No camera&quot;.</source>
        <translation>摄像头 %1 没有画面：请选择其他摄像头，或选择“不用摄像头”。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No camera: attachments are scanned from files.</source>
        <translation>不用摄像头：附件从文件导入。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The camera %1 cannot be opened.</source>
        <translation>无法打开摄像头 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening the camera…</source>
        <translation>正在打开摄像头…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Face models</source>
        <translation>人脸模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The models that compare the customer&apos;s face with the document photo. Without them the counter still registers, and every face goes to a manager.</source>
        <translation>用于比对客户人脸与证件照片的模型。没有模型时柜台仍可登记，但每次人脸核验都交由店长复核。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>default: where the shiming-face-models package puts them</source>
        <translation>默认：shiming-face-models 软件包的安装位置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model folder:</source>
        <translation>模型文件夹：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The folder %1 does not hold the face models (or they are damaged): choose another folder, or leave it empty.</source>
        <translation>文件夹 %1 中没有人脸模型（或模型已损坏）：请选择其他文件夹，或留空。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Face models found and checked in %1: faces are compared at the counter.</source>
        <translation>已在 %1 找到并校验人脸模型：在柜台进行人脸比对。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Face models missing: every face goes to a manager until they are installed (package shiming-face-models).</source>
        <translation>缺少人脸模型：安装之前每次人脸核验都交由店长复核（软件包 shiming-face-models）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ready to set up</source>
        <translation>准备完成设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has been written yet. Finish creates the encrypted database, stores HQ&apos;s credentials in it and writes the configuration.</source>
        <translation>目前尚未写入任何内容。点击“完成”将创建加密数据库、在其中保存总部凭据并写入配置文件。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Cancel the setup</source>
        <translation>取消设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the setup? Nothing has been written; the counter closes.</source>
        <translation>取消设置吗？不会写入任何内容，柜台程序将关闭。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set up this counter</source>
        <translation>设置本柜台</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The setup could not be finished, and nothing was kept: %1 (%2)</source>
        <translation>设置未能完成，已撤销全部内容：%1（%2）</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+5"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Administrator:</source>
        <translation>管理员：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ:</source>
        <translation>总部：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>offline, enrolled later</source>
        <translation>离线，以后接入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card reader:</source>
        <translation>读卡器：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none (documents are typed in)</source>
        <translation>无（手工录入证件）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Face models:</source>
        <translation>人脸模型：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>missing (faces go to a manager)</source>
        <translation>缺少（人脸交由店长复核）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configuration file:</source>
        <translation>配置文件：</translation>
    </message>
</context>
<context>
    <name>shiming::SignaturePad</name>
    <message>
        <location filename="../widgets/registration/SignaturePad.cpp" line="+22"/>
        <source>Customer signs here with mouse, finger or pen</source>
        <translation>客户可用鼠标、手指或手写笔在此签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>shiming::StatusPanel</name>
    <message>
        <location filename="../widgets/common/StatusPanel.cpp" line="+32"/>
        <source>Camera: none</source>
        <translation>摄像头：无</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reader: none (manual entry only)</source>
        <translation>读卡器：无（仅可手工录入）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reader: %1</source>
        <translation>读卡器：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>To HQ: %n waiting</source>
        <translation>
            <numerusform>待报总部：%n 条</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clerk: %1</source>
        <translation>营业员：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outlet: %1</source>
        <translation>网点：%1</translation>
    </message>
</context>
<context>
    <name>shiming::SummaryPage</name>
    <message>
        <location filename="../widgets/registration/SummaryPage.cpp" line="+59"/>
        <source>Commit registration (Ctrl+Enter)</source>
        <translation>提交登记(Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print form (Ctrl+P)</source>
        <translation>打印登记表(Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save form as PDF (Ctrl+S)</source>
        <translation>将登记表保存为 PDF(Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next customer (Enter)</source>
        <translation>下一位客户(Enter)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Registered. Print the form or save it as PDF; Enter for the next customer.</source>
        <translation>登记成功。请打印登记表或保存为 PDF；按 Enter 办理下一位客户。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check with the customer, then commit.</source>
        <translation>请与客户核对后提交。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>registration-%1.pdf</source>
        <translation>registration-%1.pdf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save registration form</source>
        <translation>保存登记表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Form saved.</source>
        <translation>登记表已保存。</translation>
    </message>
</context>
<context>
    <name>shiming::ValidationIssueText</name>
    <message>
        <location filename="../core/outlet/ValidationIssueText.cpp" line="+23"/>
        <source>Nothing entered yet.</source>
        <translation>尚未输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Far too long for any document number.</source>
        <translation>长度远超任何证件号码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contains a character this number cannot have.</source>
        <translation>包含此类号码不可能有的字符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong number of characters.</source>
        <translation>字符数不正确。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does not have the layout of this document.</source>
        <translation>不符合此证件的号码格式。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recognised as any supported document; choose the type.</source>
        <translation>无法识别为任何支持的证件，请选择证件类型。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check character wrong: a digit was mistyped.</source>
        <translation>校验码错误：有数字输错。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>15-digit first-generation ID: no longer valid, ask for the second-generation card.</source>
        <translation>15 位第一代身份证：已失效，请出示第二代身份证。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date of birth is not a real date.</source>
        <translation>出生日期不是有效日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date of birth is in the future.</source>
        <translation>出生日期晚于当前日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date of birth is implausibly early.</source>
        <translation>出生日期过早，不合常理。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown province code.</source>
        <translation>未知的省份代码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region code not in the current list (old cards may keep it).</source>
        <translation>地区代码不在现行列表中（旧证件可能仍使用该代码）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is a Hong Kong, Macao or Taiwan residence permit number: choose that type.</source>
        <translation>这是港澳台居民居住证号码：请选择该证件类型。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A residence permit number starts with 810000, 820000 or 830000.</source>
        <translation>居住证号码以 810000、820000 或 830000 开头。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown nationality code.</source>
        <translation>未知的国籍代码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The MRZ needs 2 lines (passport) or 3 lines (card).</source>
        <translation>MRZ 须为 2 行（护照）或 3 行（卡式证件）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An MRZ line has the wrong length.</source>
        <translation>MRZ 某一行长度不正确。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The MRZ document code does not fit this format.</source>
        <translation>MRZ 证件代码与此格式不符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document number check digit wrong.</source>
        <translation>证件号码校验位错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date of birth check digit wrong.</source>
        <translation>出生日期校验位错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expiry date check digit wrong.</source>
        <translation>有效期截止日期校验位错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Personal number check digit wrong.</source>
        <translation>个人号码校验位错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Composite check digit wrong.</source>
        <translation>综合校验位错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The expiry date is not a real date.</source>
        <translation>有效期截止日期不是有效日期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown sex code.</source>
        <translation>未知的性别代码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The document has expired.</source>
        <translation>证件已过期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The embedded organisation code is wrong.</source>
        <translation>内含的组织机构代码错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last digit fails the Luhn check: re-scan.</source>
        <translation>末位未通过 Luhn 校验：请重新扫描。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not issued by a Chinese operator.</source>
        <translation>非中国运营商发行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a mobile number prefix.</source>
        <translation>不是手机号码号段。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number segment not assigned.</source>
        <translation>号段未分配。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual operator (MVNO) number.</source>
        <translation>虚拟运营商（MVNO）号码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name is missing.</source>
        <translation>缺少姓名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date of birth differs from the ID number.</source>
        <translation>出生日期与身份证号码不符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex differs from the ID number.</source>
        <translation>性别与身份证号码不符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown ethnicity code.</source>
        <translation>未知的民族代码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The validity period ends before it starts.</source>
        <translation>有效期截止日期早于起始日期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The document is not valid yet.</source>
        <translation>证件尚未生效。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The document expires within 30 days.</source>
        <translation>证件将在 30 天内过期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The validity period does not fit the holder&apos;s age at issue: check the dates.</source>
        <translation>有效期与持证人签发时的年龄不符：请核对日期。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This document type does not identify a person.</source>
        <translation>此证件类型不能识别个人身份。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region code</source>
        <translation>地区代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiry date</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surname</source>
        <translation>姓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given names</source>
        <translation>名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuing state</source>
        <translation>签发国</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued for</source>
        <translation>签发对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>签发机关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original operator</source>
        <translation>原运营商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation code</source>
        <translation>组织机构代码</translation>
    </message>
</context>
<context>
    <name>shiming::face::ActiveLivenessCheck</name>
    <message>
        <location filename="../core/face/ActiveLivenessCheck.cpp" line="+26"/>
        <source>Please look at the camera and blink.</source>
        <translation>请看摄像头并眨眨眼。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please turn your head slowly to your left, then back.</source>
        <translation>请慢慢向左转头，然后转回来。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please turn your head slowly to your right, then back.</source>
        <translation>请慢慢向右转头，然后转回来。</translation>
    </message>
</context>
<context>
    <name>shiming::identity</name>
    <message>
        <location filename="../core/identity/DocumentType.cpp" line="+54"/>
        <source>Resident identity card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temporary resident identity card</source>
        <translation>临时居民身份证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Household register</source>
        <translation>户口簿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Foreign permanent resident ID card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mainland travel permit for Hong Kong and Macao residents</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mainland travel permit for Taiwan residents</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passport (machine-readable zone)</source>
        <translation>护照（机读区）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIM card number (ICCID)</source>
        <translation>SIM 卡号（ICCID）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../core/identity/Ethnicity.cpp" line="+95"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unspecified</source>
        <translation>未说明</translation>
    </message>
</context>
<context>
    <name>shiming::reader::ReaderError</name>
    <message>
        <location filename="../core/reader/ReaderError.cpp" line="+61"/>
        <source>The card reader did not answer. Check its cable and power, then try again.</source>
        <translation>读卡器无响应。请检查连接线和电源，然后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card reader&apos;s answers arrived damaged. Check the cable and the port settings (baud rate).</source>
        <translation>读卡器返回的数据已损坏。请检查连接线和端口设置（波特率）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card reader is not connected or was unplugged. Plug it in; reading resumes by itself.</source>
        <translation>读卡器未连接或已被拔出。请插上读卡器，读卡将自动恢复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This card type is not supported. Use a resident identity card or a foreigner&apos;s permanent residence card, or register the document by hand if it has no chip.</source>
        <translation>不支持此类证件。请使用居民身份证或外国人永久居留身份证；无芯片的证件请手工登记。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card was read but its data is not readable. Lift the card and place it again; if this repeats, the card may be damaged.</source>
        <translation>已读取证件，但数据无法识别。请拿起证件重新放置；如反复出现，证件可能已损坏。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card reader&apos;s vendor library is missing or failed. Check the reader settings.</source>
        <translation>读卡器厂商驱动库缺失或加载失败。请检查读卡器设置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The card reader&apos;s answer did not match the request. Lift the card and place it again; if this repeats, check the cable and the port settings.</source>
        <translation>读卡器的应答与请求不符。请拿起证件重新放置；如反复出现，请检查连接线和端口设置。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The card reader did not understand the request. Check the cable and the port settings, then try again.</source>
        <translation>读卡器无法识别该请求。请检查连接线和端口设置，然后重试。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The card could not be authenticated. Lift the card and place it again; if this repeats, the card may be forged or damaged.</source>
        <translation>证件认证失败。请拿起证件重新放置；如反复出现，证件可能是伪造的或已损坏。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reader does not recognise this card. Only identity cards with a chip can be read.</source>
        <translation>读卡器无法识别此卡。只能读取带芯片的身份证件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card could not be read. Keep the card flat and still on the reader until reading finishes, then try again.</source>
        <translation>无法读取证件。请将证件平放在读卡器上保持不动，直到读卡完成，然后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card reader&apos;s security module failed its self-test. Restart the reader; if this repeats, call support.</source>
        <translation>读卡器安全模块自检失败。请重启读卡器；如反复出现，请联系技术支持。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card reader&apos;s security module is not authorised. Call support: the reader must be registered before use.</source>
        <translation>读卡器安全模块未授权。请联系技术支持：读卡器须先注册才能使用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No card on the reader. Place the identity card flat on the reader.</source>
        <translation>读卡器上没有证件。请将身份证平放在读卡器上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card on the reader could not be selected. Lift the card and place it again.</source>
        <translation>无法选中读卡器上的证件。请拿起证件重新放置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card does not hold the requested information.</source>
        <translation>证件中没有所需信息。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card reader reported a communication fault. Check the cable and try again.</source>
        <translation>读卡器报告通信故障。请检查连接线后重试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card reader reported an error (code %1). Lift the card and try again; if this repeats, call support.</source>
        <translation>读卡器报错（代码 %1）。请拿起证件后重试；如反复出现，请联系技术支持。</translation>
    </message>
</context>
<context>
    <name>shiming::reader::ReaderStatus</name>
    <message>
        <location filename="../core/reader/IdCardReader.cpp" line="+30"/>
        <source>No card reader connected</source>
        <translation>未连接读卡器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place the ID card on the reader</source>
        <translation>请将身份证放在读卡器上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Card found</source>
        <translation>已检测到证件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the card, do not move it</source>
        <translation>正在读卡，请勿移动证件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lift the card from the reader</source>
        <translation>请从读卡器上拿开证件</translation>
    </message>
</context>
<context>
    <name>shiming::report::DailyReportView</name>
    <message>
        <location filename="../widgets/report/DailyReportView.cpp" line="+40"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Per clerk</source>
        <translation>按营业员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per package</source>
        <translation>按套餐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per customer type</source>
        <translation>按客户类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per transaction</source>
        <translation>按业务类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per counter</source>
        <translation>按柜台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the daily report</source>
        <translation>导出日报</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 registrations, %2 voided, %3 not yet synced; HQ accepted %4 and rejected %5; %6 waiting for manual review. Face pass rate %7% (%8 of %9). Average time per registration %10 s.</source>
        <translation>登记 %1 笔，作废 %2 笔，未同步 %3 笔；总部受理 %4 笔，驳回 %5 笔；待人工审核 %6 笔。人脸比对通过率 %7%（%8/%9）。平均每笔登记用时 %10 秒。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Registrations</source>
        <translation>登记量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pass rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Avg. time (s)</source>
        <translation>平均用时（秒）</translation>
    </message>
</context>
<context>
    <name>shiming::review::AccountDialog</name>
    <message>
        <location filename="../widgets/review/AccountDialog.cpp" line="+31"/>
        <source>as the account name</source>
        <translation>与账号名相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account name:</source>
        <translation>账号名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same password again:</source>
        <translation>再次输入同一密码：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Enter the account name the clerk signs in with.</source>
        <translation>请输入营业员登录用的账号名。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type the same password again in the second field.</source>
        <translation>请在第二栏再次输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>shiming::review::AccountsModel</name>
    <message>
        <location filename="../widgets/review/AccountsModel.cpp" line="+49"/>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password changed</source>
        <translation>密码修改时间</translation>
    </message>
</context>
<context>
    <name>shiming::review::AccountsPage</name>
    <message>
        <location filename="../widgets/review/AccountsPage.cpp" line="+29"/>
        <source>Add clerk…</source>
        <translation>添加营业员…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Add clerk</source>
        <translation>添加营业员</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Account %1 added.</source>
        <translation>账号 %1 已添加。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reset password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password of %1 reset.</source>
        <translation>%1 的密码已重置。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Account %1 disabled.</source>
        <translation>账号 %1 已停用。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role of %1:</source>
        <translation>%1 的角色：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role of %1 changed.</source>
        <translation>%1 的角色已更改。</translation>
    </message>
</context>
<context>
    <name>shiming::review::AlertsPage</name>
    <message>
        <location filename="../widgets/review/AlertsPage.cpp" line="+32"/>
        <source>Customer %1: %2 numbers within %3 hours at this outlet</source>
        <translation>客户 %1：%3 小时内在本网点办理 %2 个号码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clerk %1: %2 registrations, the clerks&apos; median is %3</source>
        <translation>营业员 %1：办理 %2 笔，营业员中位数为 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outside the opening hours %1: %2 registrations</source>
        <translation>营业时间 %1 之外：%2 笔登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager %1: %2 manual face approvals</source>
        <translation>店长 %1：人工通过人脸复核 %2 次</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Acknowledge the alert</source>
        <translation>确认预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What did you find, and what was done?</source>
        <translation>发现了什么情况？做了哪些处理？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Patterns that need a look, found on this outlet&apos;s registrations with HQ&apos;s thresholds. Open the records behind an alert, then acknowledge it with a note.</source>
        <translation>按总部设定的阈值在本网点登记中发现的异常情况。请打开预警涉及的记录核查，然后填写说明并确认。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Raised</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registrations behind the alert:</source>
        <translation>预警涉及的登记：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Acknowledge…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Alert acknowledged.</source>
        <translation>预警已确认。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 at %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1  No. %2  clerk %3  customer %4</source>
        <translation>%1  序号 %2  营业员 %3  客户 %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(record removed)</source>
        <translation>（记录已删除）</translation>
    </message>
</context>
<context>
    <name>shiming::review::AuditModel</name>
    <message>
        <location filename="../widgets/review/AuditModel.cpp" line="+88"/>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>shiming::review::AuditPage</name>
    <message>
        <location filename="../widgets/review/AuditPage.cpp" line="+59"/>
        <location line="+1"/>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>record id</source>
        <translation>记录 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Between</source>
        <translation>介于</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The hash chain has not been verified in this window yet.</source>
        <translation>本窗口尚未校验哈希链。</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>The hash chain verifies: %n entries, none altered or removed.</source>
        <translation>
            <numerusform>哈希链校验通过：共 %n 条，无篡改或删除。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hash chain is BROKEN at entry %1: %2. Entries from there on cannot be trusted; report this to HQ.</source>
        <translation>哈希链在第 %1 条处已断裂：%2。自该条起的记录均不可信；请上报总部。</translation>
    </message>
</context>
<context>
    <name>shiming::review::DailyReport</name>
    <message>
        <location filename="../core/review/DailyReport.cpp" line="+346"/>
        <source>daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>registrations</source>
        <translation>登记数</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+37"/>
        <location line="+18"/>
        <source>voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>sequence</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document</source>
        <translation>证件</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+100"/>
        <source>transaction</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hq_reason</source>
        <translation>总部原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minor</source>
        <translation>未成年人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agent</source>
        <translation>代办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new</source>
        <translation>新入网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reverify</source>
        <translation>实名补登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sim_replace</source>
        <translation>补换卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transfer</source>
        <translation>过户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancel</source>
        <translation>销户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT_HOLDER</source>
        <translation>非机主本人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NUMBER_NOT_IN_SERVICE</source>
        <translation>号码不在网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not_compared</source>
        <translation>未比对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manual_review</source>
        <translation>人工审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>总部已受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>总部已驳回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not_queued</source>
        <translation>未排队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>identity_limit</source>
        <translation>一证五号上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>risk_list</source>
        <translation>涉诈风险名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document_invalid</source>
        <translation>证件无法核验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate_number</source>
        <translation>号码已在他处登记</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>unsynced</source>
        <translation>未上传</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hq_accepted</source>
        <translation>总部通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hq_rejected</source>
        <translation>总部驳回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending_review</source>
        <translation>待人工审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face_pass_rate</source>
        <translation>人脸通过率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>average_seconds_per_registration</source>
        <translation>每笔平均用时（秒）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>spot_check_sampled</source>
        <translation>抽查抽取数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>spot_check_checked</source>
        <translation>抽查已查数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>spot_check_problems</source>
        <translation>抽查问题数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>face_passed</source>
        <translation>人脸通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face_compared</source>
        <translation>人脸比对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pass_rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>average_seconds</source>
        <translation>平均用时（秒）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+101"/>
        <source>clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+97"/>
        <source>package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="-99"/>
        <location line="+100"/>
        <source>customer_type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+100"/>
        <source>face_band</source>
        <translation>人脸结果</translation>
    </message>
</context>
<context>
    <name>shiming::review::DayListModel</name>
    <message>
        <location filename="../widgets/review/DayListModel.cpp" line="+130"/>
        <source>%1 (waiting)</source>
        <translation>%1（等待中）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transaction</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Face band</source>
        <translation>人脸分档</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HQ result</source>
        <translation>总部结果</translation>
    </message>
</context>
<context>
    <name>shiming::review::DayListPage</name>
    <message>
        <location filename="../widgets/review/DayListPage.cpp" line="+36"/>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+4"/>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Manual review, waiting for a decision</source>
        <translation>人工审核，待决定</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>last digits</source>
        <translation>尾号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>number or its last digits</source>
        <translation>号码或尾号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Face band</source>
        <translation>人脸分档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transaction</source>
        <translation>业务类型</translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
        <source>%n registration(s)</source>
        <translation>
            <numerusform>%n 笔登记</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shiming::review::DecisionDialog</name>
    <message>
        <location filename="../widgets/review/DecisionDialog.cpp" line="+37"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager account:</source>
        <translation>店长账号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
</context>
<context>
    <name>shiming::review::DetailPane</name>
    <message>
        <location filename="../widgets/review/DetailPane.cpp" line="+40"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handler</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Current holder</source>
        <translation>原机主</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not checked</source>
        <translation>未检测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>live</source>
        <translation>活体</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>spoof</source>
        <translation>非活体</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inconclusive</source>
        <translation>无法判定</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Show full document number</source>
        <translation>显示完整证件号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The full number is shown only on request; the request is recorded in the audit log.</source>
        <translation>完整号码仅在申请时显示；该操作将记入审计日志。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Audit history of this record</source>
        <translation>本记录的审计历史</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chip photo</source>
        <translation>芯片照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live photo</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a registration to see it.</source>
        <translation>请选择一条登记记录进行查看。</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+4"/>
        <source>Photo removed (retention)</source>
        <translation>照片已删除（超出保存期限）</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>No chip photo</source>
        <translation>无芯片照片</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No live photo</source>
        <translation>无现场照片</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Face: %1, score %2 of 100 (cosine %3, pass from %4), quality %5, liveness %6 (%7)</source>
        <translation>人脸：%1，得分 %2（满分 100；余弦 %3，通过线 %4），质量 %5，活体检测：%6（%7）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confirmed by manager %1</source>
        <translation>已由店长 %1 确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HQ: %1. Next step: %2</source>
        <translation>总部：%1。下一步：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voided: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2, %3 KB)</source>
        <translation>%1（%2，%3 KB）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handler photo (%1 KB)</source>
        <translation>经办人照片（%1 KB）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English name</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appended address</source>
        <translation>追加住址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authority</source>
        <translation>签发机关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>有效期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>long term</source>
        <translation>长期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
</context>
<context>
    <name>shiming::review::HallPage</name>
    <message>
        <location filename="../widgets/review/HallPage.cpp" line="+29"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected by HQ: %1</source>
        <translation>总部驳回：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Superseded</source>
        <translation>已被后续业务取代</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number ended</source>
        <translation>号码已销户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted by HQ</source>
        <translation>总部已受理</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the hall</source>
        <translation>查看全厅</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Transaction</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Face band</source>
        <translation>人脸分档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HQ result</source>
        <translation>总部结果</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open the record</source>
        <translation>打开记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Records of every counter</source>
        <translation>各柜台记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hall report</source>
        <translation>全厅日报</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a day and press &quot;Show the hall&quot;: the records come from HQ.</source>
        <translation>选择日期后点击“查看全厅”：记录来自总部。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This counter is not enrolled with HQ: the whole hall cannot be read.</source>
        <translation>本柜台未在总部注册：无法查看全厅。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>HQ does not know %1 as a manager of this hall: the whole hall is not shown.</source>
        <translation>总部未将 %1 登记为本厅店长：不显示全厅数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HQ refused the read (%1).</source>
        <translation>总部拒绝了查询（%1）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HQ cannot be reached: the whole hall is not available offline. Last reached %1. This counter&apos;s own records stay under &quot;This counter&quot;.</source>
        <translation>无法连接总部：离线时无法查看全厅。上次连接：%1。本柜台的记录仍可在“本柜台”中查看。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HQ cannot be reached: the whole hall is not available offline (never reached from this counter). This counter&apos;s own records stay under &quot;This counter&quot;.</source>
        <translation>无法连接总部：离线时无法查看全厅（本柜台从未连上总部）。本柜台的记录仍可在“本柜台”中查看。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the hall from HQ…</source>
        <translation>正在从总部读取全厅数据…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Hall %1, %2: %n record(s) from %3 counter(s).</source>
        <translation>
            <numerusform>营业厅 %1，%2：共 %n 笔记录，来自 %3 个柜台。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Counter %1</source>
        <translation>柜台 %1</translation>
    </message>
</context>
<context>
    <name>shiming::review::ManagerWindow</name>
    <message>
        <location filename="../widgets/review/ManagerWindow.cpp" line="+80"/>
        <source>Store manager — %1</source>
        <translation>店长 — %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Scope:</source>
        <translation>范围(&amp;S)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This counter</source>
        <translation>本柜台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole hall (from HQ)</source>
        <translation>全厅（来自总部）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Day list</source>
        <translation>当日登记列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HQ rejections</source>
        <translation>总部驳回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spot check</source>
        <translation>抽查</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Daily report</source>
        <translation>日报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Alerts (%1)</source>
        <translation>预警（%1）</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>This counter&apos;s database cannot be read completely (%1). Restore the last backup as the recovery guide says (&quot;Damaged pages&quot;).</source>
        <translation>本柜台的数据库无法完整读取（%1）。请按恢复指南（“损坏的页”）恢复最近的备份。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This counter&apos;s database is damaged.</source>
        <translation>本柜台的数据库已损坏。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n records cannot be read and cannot go to HQ;</source>
        <translation>
            <numerusform>%n 条记录无法读取，无法上报总部；</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>HQ has been told of %n of them by id.</source>
        <translation>
            <numerusform>已按编号告知总部其中 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The readable records keep going to HQ. Restore the last backup as the recovery guide says (&quot;Damaged pages&quot;): the records in it are then sent again.</source>
        <translation>可读取的记录会继续上报总部。请按恢复指南（“损坏的页”）恢复最近的备份：其中的记录随后会重新上报。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pending review (%1)</source>
        <translation>待审核（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HQ rejections (%1)</source>
        <translation>总部驳回（%1）</translation>
    </message>
</context>
<context>
    <name>shiming::review::RecordListModel</name>
    <message>
        <location filename="../widgets/review/RecordListModel.cpp" line="+77"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Face band</source>
        <translation>人脸分档</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HQ reason</source>
        <translation>总部原因</translation>
    </message>
</context>
<context>
    <name>shiming::review::ReviewQueuePage</name>
    <message>
        <location filename="../widgets/review/ReviewQueuePage.cpp" line="+28"/>
        <source>Registrations whose face comparison asked for a manager&apos;s decision. Approving or rejecting needs your password again; a rejected registration is voided and its number released.</source>
        <translation>人脸比对需由店长决定的登记。批准或驳回需再次输入您的密码；被驳回的登记将作废，号码随即释放。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registrations headquarters rejected. The reason and the next step are shown; void the record once the customer has been dealt with.</source>
        <translation>被总部驳回的登记。此处显示驳回原因及下一步操作；客户处理完毕后请作废该记录。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Void record…</source>
        <translation>作废记录…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Approve manual review</source>
        <translation>批准人工审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm that the customer is the person on the document.</source>
        <translation>请确认客户与证件上为同一人。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Registration approved.</source>
        <translation>登记已批准。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reject manual review</source>
        <translation>驳回人工审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The registration will be voided and its number released.</source>
        <translation>该登记将被作废，号码将被释放。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Registration rejected and voided; number %1 released.</source>
        <translation>登记已驳回并作废；号码 %1 已释放。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Void a record HQ rejected</source>
        <translation>作废总部驳回的记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Describe what was done with the customer.</source>
        <translation>请说明对客户的处理情况。</translation>
    </message>
</context>
<context>
    <name>shiming::review::SpotCheckPage</name>
    <message>
        <location filename="../widgets/review/SpotCheckPage.cpp" line="+29"/>
        <source>OK</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Problem found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is wrong with this registration?</source>
        <translation>这笔登记有什么问题？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Each day a share of the registrations is drawn for checking, once the hall has closed, and never drawn again. Open each record, compare it with the documents and mark it.</source>
        <translation>每天在营业厅关门后按比例抽取一部分登记进行检查，抽取后不再重抽。逐笔打开记录，与证件资料核对后标记结果。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the spot check</source>
        <translation>打开抽查</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checked, OK</source>
        <translation>已查，合格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem…</source>
        <translation>有问题…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Marked as checked, no problem.</source>
        <translation>已标记为合格。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Marked as a problem.</source>
        <translation>已标记为有问题。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a day and open its spot check.</source>
        <translation>请选择日期并打开当天的抽查。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 of %3 registrations drawn (%4%) by %5 at %6. Checked %7, problems %8.</source>
        <translation>%1：从 %3 笔登记中抽取 %2 笔（%4%），由 %5 于 %6 抽取。已查 %7 笔，问题 %8 笔。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(record removed)</source>
        <translation>（记录已删除）</translation>
    </message>
</context>
</TS>
