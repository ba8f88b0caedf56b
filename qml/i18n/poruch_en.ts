<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AboutPage</name>
    <message>
        <source>About Poruch</source>
        <translation>About Poruch</translation>
    </message>
    <message>
        <source>Poruch</source>
        <translation>Poruch</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Poruch helps community social workers record notices of concern, home visits, child safety assessments, needs assessments and crisis interventions, with or without a mobile signal, and keeps every statutory deadline in view.</source>
        <translation>Poruch helps community social workers record notices of concern, home visits, child safety assessments, needs assessments and crisis interventions, with or without a mobile signal, and keeps every statutory deadline in view.</translation>
    </message>
    <message>
        <source>Everything stored on this tablet is encrypted. Personal data is shared only with the people whose work needs it.</source>
        <translation>Everything stored on this tablet is encrypted. Personal data is shared only with the people whose work needs it.</translation>
    </message>
</context>
<context>
    <name>CaseItem</name>
    <message>
        <source>IDP</source>
        <translation>IDP</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Case card</source>
        <translation>Case card</translation>
    </message>
    <message>
        <source>internally displaced</source>
        <translation>internally displaced</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>No members yet.</source>
        <translation>No members yet.</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Open deadlines</source>
        <translation>Open deadlines</translation>
    </message>
    <message>
        <source>No open deadlines</source>
        <translation>No open deadlines</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Add record</source>
        <translation>Add record</translation>
    </message>
    <message>
        <source>No records yet.</source>
        <translation>No records yet.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Birth date (YYYY-MM-DD)</source>
        <translation>Birth date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Child</translation>
    </message>
</context>
<context>
    <name>CatalogEditor</name>
    <message>
        <source>Hide the list</source>
        <translation>Hide the list</translation>
    </message>
    <message>
        <source>Choose from the list (%1 chosen)</source>
        <translation>Choose from the list (%1 chosen)</translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation>Search the list</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>No conflicts</translation>
    </message>
    <message>
        <source>When a record was changed here and on the server at the same time, it appears here.</source>
        <translation>When a record was changed here and on the server at the same time, it appears here.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>On this tablet</source>
        <translation>On this tablet</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>On the server</translation>
    </message>
    <message>
        <source>Keep the chosen values</source>
        <translation>Keep the chosen values</translation>
    </message>
    <message>
        <source>The server's version has not arrived yet. Synchronise first, then decide.</source>
        <translation>The server's version has not arrived yet. Synchronise first, then decide.</translation>
    </message>
    <message>
        <source>Take the server's version</source>
        <translation>Take the server's version</translation>
    </message>
    <message>
        <source>Keep this tablet's version</source>
        <translation>Keep this tablet's version</translation>
    </message>
</context>
<context>
    <name>ConsentEditor</name>
    <message>
        <source>Purpose: %1</source>
        <translation>Purpose: %1</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consent given</translation>
    </message>
    <message>
        <source>Consent refused</source>
        <translation>Consent refused</translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation>Not asked yet</translation>
    </message>
    <message>
        <source>Who decided (full name)</source>
        <translation>Who decided (full name)</translation>
    </message>
    <message>
        <source>Reason for the refusal</source>
        <translation>Reason for the refusal</translation>
    </message>
</context>
<context>
    <name>CrisisPage</name>
    <message>
        <source>Crisis intervention</source>
        <translation>Crisis intervention</translation>
    </message>
    <message>
        <source>Violence or a threat to life or health? Start now: the notice and the intervention are opened at once and the 24-hour clock starts.</source>
        <translation>Violence or a threat to life or health? Start now: the notice and the intervention are opened at once and the 24-hour clock starts.</translation>
    </message>
    <message>
        <source>Start crisis intervention</source>
        <translation>Start crisis intervention</translation>
    </message>
    <message>
        <source>Time since identification</source>
        <translation>Time since identification</translation>
    </message>
    <message>
        <source>Police called (102)</source>
        <translation>Police called (102)</translation>
    </message>
    <message>
        <source>Ambulance called (103)</source>
        <translation>Ambulance called (103)</translation>
    </message>
    <message>
        <source>Placed in a shelter</source>
        <translation>Placed in a shelter</translation>
    </message>
    <message>
        <source>Medical referral</source>
        <translation>Medical referral</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>Measures taken</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Nothing recorded yet.</translation>
    </message>
    <message>
        <source>Consent of the victim to inform the police</source>
        <translation>Consent of the victim to inform the police</translation>
    </message>
    <message>
        <source>Who decided (full name)</source>
        <translation>Who decided (full name)</translation>
    </message>
    <message>
        <source>Reason for the refusal</source>
        <translation>Reason for the refusal</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consent given</translation>
    </message>
    <message>
        <source>Consent refused</source>
        <translation>Consent refused</translation>
    </message>
    <message>
        <source>Open the notice</source>
        <translation>Open the notice</translation>
    </message>
    <message>
        <source>Open the intervention act</source>
        <translation>Open the intervention act</translation>
    </message>
    <message>
        <source>Case card</source>
        <translation>Case card</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>FieldFormat</name>
    <message>
        <source>consent given</source>
        <translation>consent given</translation>
    </message>
    <message>
        <source>consent refused</source>
        <translation>consent refused</translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation>not asked yet</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>signed %1 %2</source>
        <translation>signed %1 %2</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>reason: %1</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Final: read-only</source>
        <translation>Final: read-only</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>Amend</translation>
    </message>
    <message>
        <source>Finalize</source>
        <translation>Finalize</translation>
    </message>
    <message>
        <source>form version %1</source>
        <translation>form version %1</translation>
    </message>
    <message>
        <source>Finalize this act?</source>
        <translation>Finalize this act?</translation>
    </message>
    <message>
        <source>A final act cannot be changed. Check that everyone present has signed. Corrections later are made as an amendment.</source>
        <translation>A final act cannot be changed. Check that everyone present has signed. Corrections later are made as an amendment.</translation>
    </message>
    <message>
        <source>Fields to correct before the act can be finalized: %1 (marked in red).</source>
        <translation>Fields to correct before the act can be finalized: %1 (marked in red).</translation>
    </message>
    <message>
        <source>Encrypted PDF saved: %1</source>
        <translation>Encrypted PDF saved: %1</translation>
    </message>
    <message>
        <source>Password to open it: %1</source>
        <translation>Password to open it: %1</translation>
    </message>
    <message>
        <source>The password is shown only once. Give it to the recipient by another channel (a phone call, in person), never together with the file.</source>
        <translation>The password is shown only once. Give it to the recipient by another channel (a phone call, in person), never together with the file.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Statutory deadlines</source>
        <translation>Statutory deadlines</translation>
    </message>
    <message>
        <source>No open deadlines</source>
        <translation>No open deadlines</translation>
    </message>
    <message>
        <source>Deadlines appear here as soon as a notice or an act starts one.</source>
        <translation>Deadlines appear here as soon as a notice or an act starts one.</translation>
    </message>
    <message>
        <source>Search by name, address or phone</source>
        <translation>Search by name, address or phone</translation>
    </message>
    <message>
        <source>No cases on this tablet yet</source>
        <translation>No cases on this tablet yet</translation>
    </message>
    <message>
        <source>Cases assigned to you arrive with the next synchronisation.</source>
        <translation>Cases assigned to you arrive with the next synchronisation.</translation>
    </message>
    <message>
        <source>New notice</source>
        <translation>New notice</translation>
    </message>
    <message>
        <source>Crisis</source>
        <translation>Crisis</translation>
    </message>
    <message>
        <source>Statutory deadlines (%1 overdue)</source>
        <translation>Statutory deadlines (%1 overdue)</translation>
    </message>
    <message>
        <source>Families and persons (%1)</source>
        <translation>Families and persons (%1)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Internally displaced</source>
        <translation>Internally displaced</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>Try part of a surname, a street or the last digits of a phone number.</source>
        <translation>Try part of a surname, a street or the last digits of a phone number.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Poruch</source>
        <translation>Poruch</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>Add the household's members on the case card first.</source>
        <translation>Add the household's members on the case card first.</translation>
    </message>
</context>
<context>
    <name>RecordDrafts</name>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Child safety assessment</source>
        <translation>Child safety assessment</translation>
    </message>
    <message>
        <source>Needs assessment</source>
        <translation>Needs assessment</translation>
    </message>
    <message>
        <source>Crisis intervention</source>
        <translation>Crisis intervention</translation>
    </message>
    <message>
        <source>Decision on services</source>
        <translation>Decision on services</translation>
    </message>
    <message>
        <source>Services contract</source>
        <translation>Services contract</translation>
    </message>
    <message>
        <source>Individual plan</source>
        <translation>Individual plan</translation>
    </message>
    <message>
        <source>Multidisciplinary team meeting</source>
        <translation>Multidisciplinary team meeting</translation>
    </message>
    <message>
        <source>Refusal questionnaire</source>
        <translation>Refusal questionnaire</translation>
    </message>
    <message>
        <source>Statutory step done</source>
        <translation>Statutory step done</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>This case has no other records yet.</source>
        <translation>This case has no other records yet.</translation>
    </message>
    <message>
        <source>Record not on this tablet: %1</source>
        <translation>Record not on this tablet: %1</translation>
    </message>
    <message>
        <source>journal No. %1</source>
        <translation>journal No. %1</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Row %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Add participant</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Add row</translation>
    </message>
</context>
<context>
    <name>ServerStatusChip</name>
    <message>
        <source>Server online</source>
        <translation>Server online</translation>
    </message>
    <message>
        <source>Checking server…</source>
        <translation>Checking server…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>No server set</source>
        <translation>No server set</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signed by %1</source>
        <translation>Signed by %1</translation>
    </message>
    <message>
        <source>Sign here with a finger</source>
        <translation>Sign here with a finger</translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation>Name of the signer</translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation>Save signature</translation>
    </message>
    <message>
        <source>Sign again</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>final</source>
        <translation>final</translation>
    </message>
    <message>
        <source>amendment</source>
        <translation>amendment</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>waiting to send</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>The server answers. Version %1.</source>
        <translation>The server answers. Version %1.</translation>
    </message>
    <message>
        <source>Checking whether the server answers…</source>
        <translation>Checking whether the server answers…</translation>
    </message>
    <message>
        <source>The server cannot be reached. Everything you record is kept on this tablet.</source>
        <translation>The server cannot be reached. Everything you record is kept on this tablet.</translation>
    </message>
    <message>
        <source>No server is set. Everything you record is kept on this tablet.</source>
        <translation>No server is set. Everything you record is kept on this tablet.</translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation>Last contact: %1</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Rejected by the server</source>
        <translation>Rejected by the server</translation>
    </message>
    <message>
        <source>Last synchronisation</source>
        <translation>Last synchronisation</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Synchronise now</source>
        <translation>Synchronise now</translation>
    </message>
    <message>
        <source>Resolve conflicts</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <source>Enroll this tablet</source>
        <translation>Enroll this tablet</translation>
    </message>
    <message>
        <source>Server address (https://…)</source>
        <translation>Server address (https://…)</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Enroll</translation>
    </message>
    <message>
        <source>This tablet is enrolled with %1 for %2.</source>
        <translation>This tablet is enrolled with %1 for %2.</translation>
    </message>
    <message>
        <source>This tablet is enrolled with %1.</source>
        <translation>This tablet is enrolled with %1.</translation>
    </message>
    <message>
        <source>Enter the server address, the one-time code and the server certificate's fingerprint (SHA-256) that the office printed for you. You can also paste the text of the office's QR code into the address field.</source>
        <translation>Enter the server address, the one-time code and the server certificate's fingerprint (SHA-256) that the office printed for you. You can also paste the text of the office's QR code into the address field.</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256, e.g. 3A:7F:…)</source>
        <translation>Certificate fingerprint (SHA-256, e.g. 3A:7F:…)</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Enrolling…</translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message>
        <source>Synchronising… %1 of %2</source>
        <translation>Synchronising… %1 of %2</translation>
    </message>
    <message>
        <source>Everything sent</source>
        <translation>Everything sent</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Not synchronised yet</translation>
    </message>
    <message>
        <source>Tablet not enrolled</source>
        <translation>Tablet not enrolled</translation>
    </message>
    <message>
        <source>Conflicts to resolve: %1</source>
        <translation>Conflicts to resolve: %1</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %1</source>
        <translation>Changes waiting to be sent: %1</translation>
    </message>
    <message>
        <source>Not synchronised, retrying (waiting: %1)</source>
        <translation>Not synchronised, retrying (waiting: %1)</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>About Poruch</source>
        <translation>About Poruch</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Poruch</source>
        <translation>Poruch</translation>
    </message>
    <message>
        <source>Choose a PIN of at least %1 digits or a passphrase. It protects everything stored on this tablet.</source>
        <translation>Choose a PIN of at least %1 digits or a passphrase. It protects everything stored on this tablet.</translation>
    </message>
    <message>
        <source>Enter your PIN to unlock.</source>
        <translation>Enter your PIN to unlock.</translation>
    </message>
    <message>
        <source>PIN or passphrase</source>
        <translation>PIN or passphrase</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>The same again</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Set PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Warning: tries left before all data on this tablet is erased: %1.</source>
        <translation>Warning: tries left before all data on this tablet is erased: %1.</translation>
    </message>
    <message>
        <source>Next try in %1 s.</source>
        <translation>Next try in %1 s.</translation>
    </message>
    <message>
        <source>The app locks itself after %1 min without use and when you switch to another app.</source>
        <translation>The app locks itself after %1 min without use and when you switch to another app.</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>poruch::app::AppSession</name>
    <message>
        <source>A PIN needs at least %1 digits.</source>
        <translation>A PIN needs at least %1 digits.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess.</source>
        <translation>This PIN is too easy to guess.</translation>
    </message>
    <message>
        <source>A passphrase needs at least 10 characters.</source>
        <translation>A passphrase needs at least 10 characters.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>The two entries differ.</translation>
    </message>
    <message>
        <source>The encrypted store could not be created (%1).</source>
        <translation>The encrypted store could not be created (%1).</translation>
    </message>
    <message>
        <source>The store cannot be opened (%1).</source>
        <translation>The store cannot be opened (%1).</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the data on this tablet was erased. Set a new PIN; your cases come back from the server with the next synchronisation.</source>
        <translation>Too many wrong PINs: the data on this tablet was erased. Set a new PIN; your cases come back from the server with the next synchronisation.</translation>
    </message>
    <message>
        <source>Wait %1 s before the next try.</source>
        <translation>Wait %1 s before the next try.</translation>
    </message>
    <message>
        <source>The office revoked this tablet's access: the data on this tablet was erased. To use it again, set a new PIN and enroll it with a new code.</source>
        <translation>The office revoked this tablet's access: the data on this tablet was erased. To use it again, set a new PIN and enroll it with a new code.</translation>
    </message>
</context>
<context>
    <name>poruch::app::CaseController</name>
    <message>
        <source>New household (no members yet)</source>
        <translation>New household (no members yet)</translation>
    </message>
</context>
<context>
    <name>poruch::app::CaseloadModel</name>
    <message>
        <source>New household (no members yet)</source>
        <translation>New household (no members yet)</translation>
    </message>
</context>
<context>
    <name>poruch::app::ConflictController</name>
    <message>
        <source>The server's version has not arrived yet. Synchronise first, then decide.</source>
        <translation>The server's version has not arrived yet. Synchronise first, then decide.</translation>
    </message>
    <message>
        <source>The resolution could not be saved (%1).</source>
        <translation>The resolution could not be saved (%1).</translation>
    </message>
</context>
<context>
    <name>poruch::app::CrisisController</name>
    <message>
        <source>24 hours passed %1 ago</source>
        <translation>24 hours passed %1 ago</translation>
    </message>
    <message>
        <source>%1 left of the 24 hours</source>
        <translation>%1 left of the 24 hours</translation>
    </message>
    <message>
        <source>Consent to inform the police not recorded yet.</source>
        <translation>Consent to inform the police not recorded yet.</translation>
    </message>
</context>
<context>
    <name>poruch::app::DeadlineModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Social services centre</source>
        <translation>Social services centre</translation>
    </message>
    <message>
        <source>Children's service</source>
        <translation>Children's service</translation>
    </message>
    <message>
        <source>Mobile brigade</source>
        <translation>Mobile brigade</translation>
    </message>
    <message>
        <source>Health care</source>
        <translation>Health care</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>overdue by %1</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>immediately</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>Whole community</source>
        <translation>Whole community</translation>
    </message>
    <message>
        <source>Do: mark the step as done</source>
        <translation>Do: mark the step as done</translation>
    </message>
    <message>
        <source>Do: %1</source>
        <translation>Do: %1</translation>
    </message>
    <message>
        <source>Department of social affairs</source>
        <translation>Department of social affairs</translation>
    </message>
    <message>
        <source>The journal number is assigned when the notice reaches the server: synchronise the tablet.</source>
        <translation>The journal number is assigned when the notice reaches the server: synchronise the tablet.</translation>
    </message>
    <message>
        <source>Open the record «%1» and enter it with «Amend».</source>
        <translation>Open the record «%1» and enter it with «Amend».</translation>
    </message>
    <message>
        <source>Done in the office, not on the tablet.</source>
        <translation>Done in the office, not on the tablet.</translation>
    </message>
    <message>
        <source>Nothing to record on the tablet: agree the next step with whoever acts.</source>
        <translation>Nothing to record on the tablet: agree the next step with whoever acts.</translation>
    </message>
    <message>
        <source>Acts: %1</source>
        <translation>Acts: %1</translation>
    </message>
</context>
<context>
    <name>poruch::app::FormController</name>
    <message>
        <source>final</source>
        <translation>final</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
</context>
<context>
    <name>poruch::app::SyncBridge</name>
    <message>
        <source>No connection to the server; retrying by itself. Everything stays saved on this tablet.</source>
        <translation>No connection to the server; retrying by itself. Everything stays saved on this tablet.</translation>
    </message>
    <message>
        <source>The server presented an unknown certificate; nothing was sent. Enroll the tablet again with the details from the office.</source>
        <translation>The server presented an unknown certificate; nothing was sent. Enroll the tablet again with the details from the office.</translation>
    </message>
    <message>
        <source>The server no longer accepts this tablet's access. Enroll the tablet again; your records stay on it.</source>
        <translation>The server no longer accepts this tablet's access. Enroll the tablet again; your records stay on it.</translation>
    </message>
    <message>
        <source>This version of the app is too old for the server. Update the app.</source>
        <translation>This version of the app is too old for the server. Update the app.</translation>
    </message>
    <message>
        <source>The server is busy; retrying shortly.</source>
        <translation>The server is busy; retrying shortly.</translation>
    </message>
    <message>
        <source>The tablet's store could not be read or written (%1); retrying.</source>
        <translation>The tablet's store could not be read or written (%1); retrying.</translation>
    </message>
    <message>
        <source>The server could not complete the synchronisation (%1); retrying.</source>
        <translation>The server could not complete the synchronisation (%1); retrying.</translation>
    </message>
    <message>
        <source>The server address must start with https://.</source>
        <translation>The server address must start with https://.</translation>
    </message>
    <message>
        <source>The server's certificate does not match the fingerprint from the office. The tablet was not enrolled; check the address and the fingerprint.</source>
        <translation>The server's certificate does not match the fingerprint from the office. The tablet was not enrolled; check the address and the fingerprint.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network.</source>
        <translation>The server cannot be reached. Check the address and the network.</translation>
    </message>
    <message>
        <source>The code is wrong, expired or already used. Ask the office for a new one.</source>
        <translation>The code is wrong, expired or already used. Ask the office for a new one.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes and try again.</source>
        <translation>Too many attempts. Wait a few minutes and try again.</translation>
    </message>
    <message>
        <source>A synchronisation is running; try again in a moment.</source>
        <translation>A synchronisation is running; try again in a moment.</translation>
    </message>
    <message>
        <source>Enrollment failed (%1).</source>
        <translation>Enrollment failed (%1).</translation>
    </message>
    <message>
        <source>Enter the code and the certificate fingerprint from the office.</source>
        <translation>Enter the code and the certificate fingerprint from the office.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <source>This tablet is enrolled. Synchronising…</source>
        <translation>This tablet is enrolled. Synchronising…</translation>
    </message>
</context>
</TS>