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
        <source>Families and persons</source>
        <translation>Сім'ї та особи</translation>
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
</context>
<context>
    <name>Main</name>
    <message>
        <source>Poruch</source>
        <translation>Поруч</translation>
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
</context>
</TS>