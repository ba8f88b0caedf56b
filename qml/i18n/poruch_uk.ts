<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="uk_UA">
<context>
    <name>AboutPage</name>
    <message>
        <source>About Poruch</source>
        <translation>Про «Поруч»</translation>
    </message>
    <message>
        <source>Poruch</source>
        <translation>Поруч</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Версія %1</translation>
    </message>
    <message>
        <source>Poruch helps community social workers record notices of concern, home visits, child safety assessments, needs assessments and crisis interventions, with or without a mobile signal, and keeps every statutory deadline in view.</source>
        <translation>«Поруч» допомагає фахівцям із соціальної роботи громади фіксувати повідомлення, візити до сімей, оцінку рівня безпеки дитини, оцінювання потреб і кризове втручання — зі зв'язком чи без нього — і тримає в полі зору всі строки, встановлені порядком.</translation>
    </message>
    <message>
        <source>Everything stored on this tablet is encrypted. Personal data is shared only with the people whose work needs it.</source>
        <translation>Усе, що зберігається на цьому планшеті, зашифровано. Персональні дані бачать лише ті, кому вони потрібні для роботи.</translation>
    </message>
</context>
<context>
    <name>CaseItem</name>
    <message>
        <source>IDP</source>
        <translation>ВПО</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрито</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Case card</source>
        <translation>Картка випадку</translation>
    </message>
    <message>
        <source>internally displaced</source>
        <translation>внутрішньо переміщені особи</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Члени сім'ї</translation>
    </message>
    <message>
        <source>No members yet.</source>
        <translation>Членів сім'ї ще не додано.</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Додати члена сім'ї</translation>
    </message>
    <message>
        <source>Open deadlines</source>
        <translation>Відкриті строки</translation>
    </message>
    <message>
        <source>No open deadlines</source>
        <translation>Відкритих строків немає</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Add record</source>
        <translation>Додати запис</translation>
    </message>
    <message>
        <source>No records yet.</source>
        <translation>Записів ще немає.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Прізвище, ім'я, по батькові</translation>
    </message>
    <message>
        <source>Birth date (YYYY-MM-DD)</source>
        <translation>Дата народження (РРРР-ММ-ДД)</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Дитина</translation>
    </message>
</context>
<context>
    <name>CatalogEditor</name>
    <message>
        <source>Hide the list</source>
        <translation>Сховати перелік</translation>
    </message>
    <message>
        <source>Choose from the list (%1 chosen)</source>
        <translation>Вибрати з переліку (вибрано: %1)</translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation>Пошук у переліку</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>Конфлікти</translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>Конфліктів немає</translation>
    </message>
    <message>
        <source>When a record was changed here and on the server at the same time, it appears here.</source>
        <translation>Якщо запис змінили тут і на сервері одночасно, він з'явиться тут.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>On this tablet</source>
        <translation>На цьому планшеті</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>На сервері</translation>
    </message>
    <message>
        <source>Keep the chosen values</source>
        <translation>Зберегти вибрані значення</translation>
    </message>
    <message>
        <source>The server's version has not arrived yet. Synchronise first, then decide.</source>
        <translation>Версія із сервера ще не надійшла. Спершу синхронізуйте, потім вирішуйте.</translation>
    </message>
    <message>
        <source>Take the server's version</source>
        <translation>Взяти версію із сервера</translation>
    </message>
    <message>
        <source>Keep this tablet's version</source>
        <translation>Залишити версію з цього планшета</translation>
    </message>
</context>
<context>
    <name>ConsentEditor</name>
    <message>
        <source>Purpose: %1</source>
        <translation>Мета: %1</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Згоду надано</translation>
    </message>
    <message>
        <source>Consent refused</source>
        <translation>У згоді відмовлено</translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation>Ще не запитували</translation>
    </message>
    <message>
        <source>Who decided (full name)</source>
        <translation>Хто прийняв рішення (ПІБ)</translation>
    </message>
    <message>
        <source>Reason for the refusal</source>
        <translation>Причина відмови</translation>
    </message>
</context>
<context>
    <name>CrisisPage</name>
    <message>
        <source>Crisis intervention</source>
        <translation>Кризове втручання</translation>
    </message>
    <message>
        <source>Violence or a threat to life or health? Start now: the notice and the intervention are opened at once and the 24-hour clock starts.</source>
        <translation>Насильство чи загроза життю або здоров'ю? Почніть зараз: повідомлення й акт втручання відкриються одразу, і почнеться відлік 24 годин.</translation>
    </message>
    <message>
        <source>Start crisis intervention</source>
        <translation>Почати кризове втручання</translation>
    </message>
    <message>
        <source>Time since identification</source>
        <translation>Час від виявлення</translation>
    </message>
    <message>
        <source>Police called (102)</source>
        <translation>Викликано поліцію (102)</translation>
    </message>
    <message>
        <source>Ambulance called (103)</source>
        <translation>Викликано швидку (103)</translation>
    </message>
    <message>
        <source>Placed in a shelter</source>
        <translation>Влаштовано до притулку</translation>
    </message>
    <message>
        <source>Medical referral</source>
        <translation>Направлено до лікаря</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>Вжиті заходи</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Ще нічого не записано.</translation>
    </message>
    <message>
        <source>Consent of the victim to inform the police</source>
        <translation>Згода постраждалої особи на інформування поліції</translation>
    </message>
    <message>
        <source>Who decided (full name)</source>
        <translation>Хто прийняв рішення (ПІБ)</translation>
    </message>
    <message>
        <source>Reason for the refusal</source>
        <translation>Причина відмови</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Згоду надано</translation>
    </message>
    <message>
        <source>Consent refused</source>
        <translation>У згоді відмовлено</translation>
    </message>
    <message>
        <source>Open the notice</source>
        <translation>Відкрити повідомлення</translation>
    </message>
    <message>
        <source>Open the intervention act</source>
        <translation>Відкрити акт втручання</translation>
    </message>
    <message>
        <source>Case card</source>
        <translation>Картка випадку</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>РРРР-ММ-ДД ГГ:ХХ</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Зараз</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
</context>
<context>
    <name>FieldFormat</name>
    <message>
        <source>consent given</source>
        <translation>згоду надано</translation>
    </message>
    <message>
        <source>consent refused</source>
        <translation>у згоді відмовлено</translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation>ще не запитували</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>signed %1 %2</source>
        <translation>підписано %1 %2</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>причина: %1</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>Not saved: %1</source>
        <translation>Не збережено: %1</translation>
    </message>
    <message>
        <source>Final: read-only</source>
        <translation>Остаточний: лише перегляд</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Збережено о %1</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>Виправити</translation>
    </message>
    <message>
        <source>Finalize</source>
        <translation>Завершити</translation>
    </message>
    <message>
        <source>form version %1</source>
        <translation>версія форми %1</translation>
    </message>
    <message>
        <source>Finalize this act?</source>
        <translation>Завершити цей акт?</translation>
    </message>
    <message>
        <source>A final act cannot be changed. Check that everyone present has signed. Corrections later are made as an amendment.</source>
        <translation>Завершений акт змінити не можна. Перевірте, чи всі присутні підписали. Пізніші виправлення вносяться окремим виправленням.</translation>
    </message>
    <message>
        <source>Fields to correct before the act can be finalized: %1 (marked in red).</source>
        <translation>Полів, які треба виправити перед завершенням акта: %1 (позначено червоним).</translation>
    </message>
    <message>
        <source>Encrypted PDF saved: %1</source>
        <translation>Зашифрований PDF збережено: %1</translation>
    </message>
    <message>
        <source>Password to open it: %1</source>
        <translation>Пароль для відкриття: %1</translation>
    </message>
    <message>
        <source>The password is shown only once. Give it to the recipient by another channel (a phone call, in person), never together with the file.</source>
        <translation>Пароль показано лише один раз. Передайте його отримувачу іншим каналом (телефоном, особисто), але ніколи — разом із файлом.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Caseload</source>
        <translation>Мої випадки</translation>
    </message>
    <message>
        <source>Statutory deadlines</source>
        <translation>Строки за порядком</translation>
    </message>
    <message>
        <source>No open deadlines</source>
        <translation>Відкритих строків немає</translation>
    </message>
    <message>
        <source>Deadlines appear here as soon as a notice or an act starts one.</source>
        <translation>Строки з'являться тут, щойно повідомлення чи акт їх започаткує.</translation>
    </message>
    <message>
        <source>Search by name, address or phone</source>
        <translation>Пошук за ПІБ, адресою чи телефоном</translation>
    </message>
    <message>
        <source>No cases on this tablet yet</source>
        <translation>На цьому планшеті ще немає випадків</translation>
    </message>
    <message>
        <source>Cases assigned to you arrive with the next synchronisation.</source>
        <translation>Закріплені за вами випадки надійдуть під час наступної синхронізації.</translation>
    </message>
    <message>
        <source>New notice</source>
        <translation>Нове повідомлення</translation>
    </message>
    <message>
        <source>Crisis</source>
        <translation>Криза</translation>
    </message>
    <message>
        <source>Statutory deadlines (%1 overdue)</source>
        <translation>Строки за порядком (прострочено: %1)</translation>
    </message>
    <message>
        <source>Families and persons (%1)</source>
        <translation>Сім'ї та особи (%1)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Усі статуси</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкриті</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закриті</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Усі категорії</translation>
    </message>
    <message>
        <source>Internally displaced</source>
        <translation>ВПО</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Нічого не знайдено</translation>
    </message>
    <message>
        <source>Try part of a surname, a street or the last digits of a phone number.</source>
        <translation>Спробуйте частину прізвища, вулицю або останні цифри телефону.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Poruch</source>
        <translation>Поруч</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>Add the household's members on the case card first.</source>
        <translation>Спершу додайте членів сім'ї в картці випадку.</translation>
    </message>
</context>
<context>
    <name>RecordDrafts</name>
    <message>
        <source>Notice</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Візит до сім'ї</translation>
    </message>
    <message>
        <source>Child safety assessment</source>
        <translation>Оцінка рівня безпеки дитини</translation>
    </message>
    <message>
        <source>Needs assessment</source>
        <translation>Оцінювання потреб</translation>
    </message>
    <message>
        <source>Crisis intervention</source>
        <translation>Кризове втручання</translation>
    </message>
    <message>
        <source>Decision on services</source>
        <translation>Рішення про надання послуг</translation>
    </message>
    <message>
        <source>Services contract</source>
        <translation>Договір про надання послуг</translation>
    </message>
    <message>
        <source>Individual plan</source>
        <translation>Індивідуальний план</translation>
    </message>
    <message>
        <source>Multidisciplinary team meeting</source>
        <translation>Засідання міждисциплінарної команди</translation>
    </message>
    <message>
        <source>Refusal questionnaire</source>
        <translation>Анкета відмови від співпраці</translation>
    </message>
    <message>
        <source>Statutory step done</source>
        <translation>Виконаний крок за порядком</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>This case has no other records yet.</source>
        <translation>У цій справі ще немає інших записів.</translation>
    </message>
    <message>
        <source>Record not on this tablet: %1</source>
        <translation>Запису немає на цьому планшеті: %1</translation>
    </message>
    <message>
        <source>journal No. %1</source>
        <translation>№ %1 у журналі</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Full name</source>
        <translation>Прізвище, ім'я, по батькові</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Посада</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Рядок %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Вилучити</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>РРРР-ММ-ДД ГГ:ХХ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Виберіть…</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Додати учасника</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Додати рядок</translation>
    </message>
</context>
<context>
    <name>ServerStatusChip</name>
    <message>
        <source>Server online</source>
        <translation>Сервер на зв'язку</translation>
    </message>
    <message>
        <source>Checking server…</source>
        <translation>Перевірка сервера…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Без зв'язку</translation>
    </message>
    <message>
        <source>No server set</source>
        <translation>Сервер не задано</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signed by %1</source>
        <translation>Підписав(ла): %1</translation>
    </message>
    <message>
        <source>Sign here with a finger</source>
        <translation>Підпишіть тут пальцем</translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation>ПІБ того, хто підписує</translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation>Зберегти підпис</translation>
    </message>
    <message>
        <source>Sign again</source>
        <translation>Підписати знову</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистити</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>draft</source>
        <translation>чернетка</translation>
    </message>
    <message>
        <source>final</source>
        <translation>остаточний</translation>
    </message>
    <message>
        <source>amendment</source>
        <translation>виправлення</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>очікує надсилання</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>надіслано</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>конфлікт</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>відхилено</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Synchronisation</source>
        <translation>Синхронізація</translation>
    </message>
    <message>
        <source>The server answers. Version %1.</source>
        <translation>Сервер відповідає. Версія %1.</translation>
    </message>
    <message>
        <source>Checking whether the server answers…</source>
        <translation>Перевіряємо, чи відповідає сервер…</translation>
    </message>
    <message>
        <source>The server cannot be reached. Everything you record is kept on this tablet.</source>
        <translation>Сервер недоступний. Усе, що ви записуєте, зберігається на цьому планшеті.</translation>
    </message>
    <message>
        <source>No server is set. Everything you record is kept on this tablet.</source>
        <translation>Сервер не задано. Усе, що ви записуєте, зберігається на цьому планшеті.</translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation>Останній зв'язок: %1</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Перевірити зараз</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Очікують надсилання</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфлікти</translation>
    </message>
    <message>
        <source>Rejected by the server</source>
        <translation>Відхилено сервером</translation>
    </message>
    <message>
        <source>Last synchronisation</source>
        <translation>Остання синхронізація</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ще не було</translation>
    </message>
    <message>
        <source>Synchronise now</source>
        <translation>Синхронізувати зараз</translation>
    </message>
    <message>
        <source>Resolve conflicts</source>
        <translation>Розв'язати конфлікти</translation>
    </message>
    <message>
        <source>Enroll this tablet</source>
        <translation>Зареєструвати планшет</translation>
    </message>
    <message>
        <source>Server address (https://…)</source>
        <translation>Адреса сервера (https://…)</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Одноразовий код</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Зареєструвати</translation>
    </message>
    <message>
        <source>This tablet is enrolled with %1 for %2.</source>
        <translation>Планшет зареєстровано на сервері %1 для працівника: %2.</translation>
    </message>
    <message>
        <source>This tablet is enrolled with %1.</source>
        <translation>Планшет зареєстровано на сервері %1.</translation>
    </message>
    <message>
        <source>Enter the server address, the one-time code and the server certificate's fingerprint (SHA-256) that the office printed for you. You can also paste the text of the office's QR code into the address field.</source>
        <translation>Введіть адресу сервера, одноразовий код підключення та відбиток сертифіката сервера (SHA-256), які видав вам офіс. Можна також вставити текст QR-коду з офісу в поле адреси.</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256, e.g. 3A:7F:…)</source>
        <translation>Відбиток сертифіката (SHA-256, напр. 3A:7F:…)</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Реєстрація…</translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message>
        <source>Synchronising… %1 of %2</source>
        <translation>Синхронізація… %1 з %2</translation>
    </message>
    <message>
        <source>Everything sent</source>
        <translation>Усе надіслано</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Ще не синхронізовано</translation>
    </message>
    <message>
        <source>Tablet not enrolled</source>
        <translation>Планшет не зареєстровано</translation>
    </message>
    <message>
        <source>Conflicts to resolve: %1</source>
        <translation>Конфліктів до розв'язання: %1</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %1</source>
        <translation>Змін очікують надсилання: %1</translation>
    </message>
    <message>
        <source>Not synchronised, retrying (waiting: %1)</source>
        <translation>Не синхронізовано, повторна спроба (очікують: %1)</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Синхронізація</translation>
    </message>
    <message>
        <source>About Poruch</source>
        <translation>Про «Поруч»</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Заблокувати</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфлікти</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Блокувати</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Poruch</source>
        <translation>Поруч</translation>
    </message>
    <message>
        <source>Choose a PIN of at least %1 digits or a passphrase. It protects everything stored on this tablet.</source>
        <translation>Оберіть PIN щонайменше з %1 цифр або парольну фразу. Вона захищає все, що зберігається на цьому планшеті.</translation>
    </message>
    <message>
        <source>Enter your PIN to unlock.</source>
        <translation>Введіть PIN, щоб розблокувати.</translation>
    </message>
    <message>
        <source>PIN or passphrase</source>
        <translation>PIN або парольна фраза</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Повторіть ще раз</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Встановити PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Розблокувати</translation>
    </message>
    <message>
        <source>Warning: tries left before all data on this tablet is erased: %1.</source>
        <translation>Увага: спроб до стирання всіх даних на цьому планшеті залишилося: %1.</translation>
    </message>
    <message>
        <source>Next try in %1 s.</source>
        <translation>Наступна спроба через %1 с.</translation>
    </message>
    <message>
        <source>The app locks itself after %1 min without use and when you switch to another app.</source>
        <translation>Застосунок блокується сам через %1 хв бездіяльності та коли ви перемикаєтеся на інший застосунок.</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
</context>
<context>
    <name>poruch::app::AppSession</name>
    <message>
        <source>A PIN needs at least %1 digits.</source>
        <translation>PIN має містити щонайменше %1 цифр.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess.</source>
        <translation>Цей PIN надто легко вгадати.</translation>
    </message>
    <message>
        <source>A passphrase needs at least 10 characters.</source>
        <translation>Парольна фраза має містити щонайменше 10 символів.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Введені значення не збігаються.</translation>
    </message>
    <message>
        <source>The encrypted store could not be created (%1).</source>
        <translation>Не вдалося створити зашифроване сховище (%1).</translation>
    </message>
    <message>
        <source>The store cannot be opened (%1).</source>
        <translation>Сховище не вдається відкрити (%1).</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Неправильний PIN.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the data on this tablet was erased. Set a new PIN; your cases come back from the server with the next synchronisation.</source>
        <translation>Забагато неправильних PIN: дані на цьому планшеті стерто. Встановіть новий PIN; ваші випадки повернуться із сервера під час наступної синхронізації.</translation>
    </message>
    <message>
        <source>Wait %1 s before the next try.</source>
        <translation>Зачекайте %1 с перед наступною спробою.</translation>
    </message>
    <message>
        <source>The office revoked this tablet's access: the data on this tablet was erased. To use it again, set a new PIN and enroll it with a new code.</source>
        <translation>Офіс відкликав доступ цього планшета: дані на ньому стерто. Щоб користуватися ним знову, встановіть новий PIN і зареєструйте планшет з новим кодом.</translation>
    </message>
</context>
<context>
    <name>poruch::app::CaseController</name>
    <message>
        <source>New household (no members yet)</source>
        <translation>Нова сім'я (члени ще не додані)</translation>
    </message>
</context>
<context>
    <name>poruch::app::CaseloadModel</name>
    <message>
        <source>New household (no members yet)</source>
        <translation>Нова сім'я (члени ще не додані)</translation>
    </message>
</context>
<context>
    <name>poruch::app::ConflictController</name>
    <message>
        <source>The server's version has not arrived yet. Synchronise first, then decide.</source>
        <translation>Версія із сервера ще не надійшла. Спершу синхронізуйте, потім вирішуйте.</translation>
    </message>
    <message>
        <source>The resolution could not be saved (%1).</source>
        <translation>Рішення не вдалося зберегти (%1).</translation>
    </message>
</context>
<context>
    <name>poruch::app::CrisisController</name>
    <message>
        <source>24 hours passed %1 ago</source>
        <translation>24 години минули %1 тому</translation>
    </message>
    <message>
        <source>%1 left of the 24 hours</source>
        <translation>До кінця 24 годин: %1</translation>
    </message>
    <message>
        <source>Consent to inform the police not recorded yet.</source>
        <translation>Згоду на інформування поліції ще не записано.</translation>
    </message>
</context>
<context>
    <name>poruch::app::DeadlineModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 д %2 год</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 год %2 хв</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 хв</translation>
    </message>
    <message>
        <source>Social services centre</source>
        <translation>Центр соціальних служб</translation>
    </message>
    <message>
        <source>Children's service</source>
        <translation>Служба у справах дітей</translation>
    </message>
    <message>
        <source>Mobile brigade</source>
        <translation>Мобільна бригада</translation>
    </message>
    <message>
        <source>Health care</source>
        <translation>Заклад охорони здоров'я</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>прострочено на %1</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>негайно</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>залишилося %1</translation>
    </message>
    <message>
        <source>Whole community</source>
        <translation>Уся громада</translation>
    </message>
    <message>
        <source>Do: mark the step as done</source>
        <translation>Виконати: відмітити виконання</translation>
    </message>
    <message>
        <source>Do: %1</source>
        <translation>Виконати: %1</translation>
    </message>
    <message>
        <source>Department of social affairs</source>
        <translation>Відділ з соціальних питань</translation>
    </message>
    <message>
        <source>The journal number is assigned when the notice reaches the server: synchronise the tablet.</source>
        <translation>Номер у журналі присвоюється, коли повідомлення надійде на сервер: синхронізуйте планшет.</translation>
    </message>
    <message>
        <source>Open the record «%1» and enter it with «Amend».</source>
        <translation>Відкрийте запис «%1» і внесіть це через «Виправити».</translation>
    </message>
    <message>
        <source>Done in the office, not on the tablet.</source>
        <translation>Виконується в офісі, не на планшеті.</translation>
    </message>
    <message>
        <source>Nothing to record on the tablet: agree the next step with whoever acts.</source>
        <translation>На планшеті нічого фіксувати не треба: узгодьте подальші дії з тими, хто діє.</translation>
    </message>
    <message>
        <source>Acts: %1</source>
        <translation>Діє: %1</translation>
    </message>
</context>
<context>
    <name>poruch::app::FormController</name>
    <message>
        <source>final</source>
        <translation>остаточний</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>чернетка</translation>
    </message>
</context>
<context>
    <name>poruch::app::SyncBridge</name>
    <message>
        <source>No connection to the server; retrying by itself. Everything stays saved on this tablet.</source>
        <translation>Немає зв'язку із сервером; повторна спроба відбудеться автоматично. Усе залишається збереженим на цьому планшеті.</translation>
    </message>
    <message>
        <source>The server presented an unknown certificate; nothing was sent. Enroll the tablet again with the details from the office.</source>
        <translation>Сервер надав невідомий сертифікат; нічого не надіслано. Зареєструйте планшет повторно з даними від офісу.</translation>
    </message>
    <message>
        <source>The server no longer accepts this tablet's access. Enroll the tablet again; your records stay on it.</source>
        <translation>Сервер більше не приймає доступ цього планшета. Зареєструйте планшет повторно; ваші записи залишаються на ньому.</translation>
    </message>
    <message>
        <source>This version of the app is too old for the server. Update the app.</source>
        <translation>Ця версія застосунку застаріла для сервера. Оновіть застосунок.</translation>
    </message>
    <message>
        <source>The server is busy; retrying shortly.</source>
        <translation>Сервер зайнятий; невдовзі буде повторна спроба.</translation>
    </message>
    <message>
        <source>The tablet's store could not be read or written (%1); retrying.</source>
        <translation>Не вдалося прочитати або записати сховище планшета (%1); повторна спроба.</translation>
    </message>
    <message>
        <source>The server could not complete the synchronisation (%1); retrying.</source>
        <translation>Сервер не зміг завершити синхронізацію (%1); повторна спроба.</translation>
    </message>
    <message>
        <source>The server address must start with https://.</source>
        <translation>Адреса сервера має починатися з https://.</translation>
    </message>
    <message>
        <source>The server's certificate does not match the fingerprint from the office. The tablet was not enrolled; check the address and the fingerprint.</source>
        <translation>Сертифікат сервера не відповідає відбитку, виданому офісом. Планшет не зареєстровано; перевірте адресу та відбиток.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network.</source>
        <translation>Сервер недоступний. Перевірте адресу та мережу.</translation>
    </message>
    <message>
        <source>The code is wrong, expired or already used. Ask the office for a new one.</source>
        <translation>Код неправильний, прострочений або вже використаний. Попросіть в офісі новий.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes and try again.</source>
        <translation>Забагато спроб. Зачекайте кілька хвилин і спробуйте знову.</translation>
    </message>
    <message>
        <source>A synchronisation is running; try again in a moment.</source>
        <translation>Триває синхронізація; спробуйте за мить.</translation>
    </message>
    <message>
        <source>Enrollment failed (%1).</source>
        <translation>Реєстрація не вдалася (%1).</translation>
    </message>
    <message>
        <source>Enter the code and the certificate fingerprint from the office.</source>
        <translation>Введіть код і відбиток сертифіката від офісу.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Реєстрація…</translation>
    </message>
    <message>
        <source>This tablet is enrolled. Synchronising…</source>
        <translation>Планшет зареєстровано. Синхронізація…</translation>
    </message>
</context>
</TS>