<?xml version="1.0" encoding="UTF-8"?>
<!-- messages.ru.xsl: the Russian catalog.  Messages are elements named by their key; same keys as messages.en.xsl (a test checks).
     One template for what every page uses, one per section: a page builds only the two it needs. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="messages-ru">
    <nav.admin-exchange>Обмен</nav.admin-exchange>
    <view.banner>Вы смотрите личный кабинет абонента как сотрудник</view.banner>
    <view.read-only>Только просмотр: изменить ничего нельзя. Чтобы закончить, нажмите «Выйти».</view.read-only>
    <nav.admin-readings>Показания</nav.admin-readings>
    <nav.admin-payments>Платежи</nav.admin-payments>
    <rq.f.action>SMS-информирование</rq.f.action>
    <rq.f.phone>Мобильный телефон</rq.f.phone>
    <rq.f.start_on>С даты</rq.f.start_on>
    <rq.f.day>Оплачивать до этого числа месяца (1–28)</rq.f.day>
    <rq.f.from_on>Отсутствие с</rq.f.from_on>
    <rq.f.to_on>Отсутствие по</rq.f.to_on>
    <rq.f.meter>Счётчик</rq.f.meter>
    <rq.f.work>Работа</rq.f.work>
    <rq.f.preferred_on>Желаемая дата</rq.f.preferred_on>
    <rq.f.change>Что меняется</rq.f.change>
    <rq.f.new_owner>Новый собственник (ФИО)</rq.f.new_owner>
    <rq.f.residents>Проживает сейчас</rq.f.residents>
    <rq.v.action.on>Подключить</rq.v.action.on>
    <rq.v.action.off>Отключить</rq.v.action.off>
    <rq.v.work.verification>Поверка</rq.v.work.verification>
    <rq.v.work.replacement>Замена</rq.v.work.replacement>
    <rq.v.change.owner>Собственник</rq.v.change.owner>
    <rq.v.change.residents>Число проживающих</rq.v.change.residents>
    <nav.news>Новости</nav.news>
    <nav.inbox>Сообщения</nav.inbox>
    <nav.contacts>Контакты и помощь</nav.contacts>
    <nav.admin-overview>Обзор</nav.admin-overview>
    <nav.admin-subscribers>Абоненты</nav.admin-subscribers>
    <nav.admin-appeals>Обращения</nav.admin-appeals>
    <nav.admin-requests>Заявки</nav.admin-requests>
    <nav.admin-news>Новости</nav.admin-news>
    <nav.admin-organization>Организация</nav.admin-organization>
    <nav.admin-staff>Сотрудники</nav.admin-staff>
    <nav.admin-help>Помощь</nav.admin-help>
    <nav.admin-audit>Журнал</nav.admin-audit>
    <kind.electricity>Электроэнергия</kind.electricity>
    <kind.cold-water>Холодная вода</kind.cold-water>
    <kind.hot-water>Горячая вода</kind.hot-water>
    <kind.gas>Газ</kind.gas>
    <kind.heat>Тепло</kind.heat>
    <months><m>январь</m><m>февраль</m><m>март</m><m>апрель</m><m>май</m><m>июнь</m><m>июль</m><m>август</m><m>сентябрь</m><m>октябрь</m><m>ноябрь</m><m>декабрь</m></months>
    <site.name>Личный кабинет</site.name>
    <site.footer>Личный кабинет абонента. Вопросы по начислениям и оплате — в абонентский отдел вашей организации.</site.footer>
    <nav.label>Разделы</nav.label>
    <nav.menu>Меню</nav.menu>
    <nav.skip>Перейти к содержанию</nav.skip>
    <nav.pay>Оплатить</nav.pay>
    <dl.label>Скачать</dl.label>
    <error.reading-too-large>Таких больших показаний счётчик показать не может: проверьте число цифр.</error.reading-too-large>
    <error.date-out-of-range>Дата должна быть не раньше 01.01.2000 и не позже 31.12.2099.</error.date-out-of-range>
    <nav.home>Главная</nav.home>
    <nav.logout>Выйти</nav.logout>
    <lang.label>Язык</lang.label>
    <nav.accounts>Лицевые счета</nav.accounts>
    <nav.readings>Показания</nav.readings>
    <nav.calculator>Калькулятор</nav.calculator>
    <nav.services>Услуги</nav.services>
    <nav.payments>Платежи</nav.payments>
    <nav.receipts>Квитанции</nav.receipts>
    <nav.documents>Документы</nav.documents>
    <nav.settings>Настройки</nav.settings>
    <unit.kWh>кВт·ч</unit.kWh>
    <unit.m3>м³</unit.m3>
    <unit.Gcal>Гкал</unit.Gcal>
    <channel.bank>банк</channel.bank>
    <channel.card>картой онлайн</channel.card>
    <channel.autopay>автоплатёж</channel.autopay>
    <channel.cash>касса</channel.cash>
    <channel.kabinet>личный кабинет</channel.kabinet>
    <col.month>Месяц</col.month>
    <col.opening>Входящий остаток</col.opening>
    <col.accrued>Начислено</col.accrued>
    <col.corrections>Перерасчёт</col.corrections>
    <col.paid>Оплачено</col.paid>
    <col.closing>Исходящий остаток</col.closing>
    <col.tariff>Тариф</col.tariff>
    <col.quantity>Объём</col.quantity>
    <col.total>Итого</col.total>
    <balance.debt>долг</balance.debt>
    <balance.advance>переплата</balance.advance>
    <balance.hint>Долг и переплата ведутся по каждой услуге отдельно: переплата по одной услуге не уменьшает долг по другой.</balance.hint>
    <accounts.title>Лицевые счета</accounts.title>
    <accounts.none>К вашему кабинету пока не привязан ни один лицевой счёт.</accounts.none>
    <accounts.done.added>Лицевой счёт добавлен и выбран текущим</accounts.done.added>
    <accounts.done.removed>Лицевой счёт убран из кабинета</accounts.done.removed>
    <accounts.done.current>Текущий лицевой счёт выбран</accounts.done.current>
    <accounts.add>Добавить лицевой счёт</accounts.add>
    <accounts.number>Лицевой счёт</accounts.number>
    <accounts.payer>Плательщик</accounts.payer>
    <accounts.address>Адрес</accounts.address>
    <accounts.organization>Организация</accounts.organization>
    <accounts.balance>Остаток</accounts.balance>
    <accounts.as-of>на конец месяца:</accounts.as-of>
    <accounts.current>Текущий счёт</accounts.current>
    <accounts.choose>Сделать текущим</accounts.choose>
    <accounts.info>Сведения</accounts.info>
    <accounts.remove>Удалить</accounts.remove>
    <accounts.services>Услуги</accounts.services>
    <accounts.no-history>Начислений по счёту пока нет.</accounts.no-history>
    <sms.sent>Код отправлен. Он действует 10 минут.</sms.sent>
    <sms.too-soon>Новый код можно запросить через минуту после предыдущего; отправленный код действует 10 минут.</sms.too-soon>
    <sms.too-many>Сегодня отправлено слишком много кодов. Используйте код восстановления или попробуйте завтра.</sms.too-many>
    <sms.no-phone>В профиле нет номера мобильного телефона. Используйте код восстановления.</sms.no-phone>
    <nav.unread>новых</nav.unread>
    <nav.appeals>Обращения</nav.appeals>
    <ap.status.new>новое</ap.status.new>
    <ap.status.in-progress>в работе</ap.status.in-progress>
    <ap.status.waiting>ждёт вашего ответа</ap.status.waiting>
    <ap.status.resolved>решено</ap.status.resolved>
    <ap.status.closed>закрыто</ap.status.closed>
  </xsl:template>
  <xsl:template name="messages-ru-error">
    <error.read-only.title>Только просмотр</error.read-only.title>
    <error.read-only>Сотрудник, просматривающий кабинет абонента, не может ничего в нём менять.</error.read-only>
    <error.forbidden.title>Нет доступа</error.forbidden.title>
    <error.forbidden>Вашей роли это действие недоступно.</error.forbidden>
    <error.incident>Номер обращения:</error.incident>
    <error.home>Перейти на главную</error.home>
    <error.generic.title>Ошибка</error.generic.title>
    <error.generic>Запрос не выполнен.</error.generic>
    <error.not-found.title>Страница не найдена</error.not-found.title>
    <error.not-found>Такой страницы нет или она вам недоступна. Проверьте адрес.</error.not-found>
    <error.method-not-allowed.title>Действие недоступно</error.method-not-allowed.title>
    <error.method-not-allowed>Эта страница не принимает такой запрос.</error.method-not-allowed>
    <error.csrf.title>Форма устарела</error.csrf.title>
    <error.csrf>Форма устарела или отправлена с другого сайта. Откройте страницу заново и повторите действие.</error.csrf>
    <error.bad-request.title>Некорректный запрос</error.bad-request.title>
    <error.bad-request>Запрос содержит недопустимые данные. Проверьте введённое и повторите.</error.bad-request>
    <error.too-large.title>Слишком большой запрос</error.too-large.title>
    <error.too-large>Отправлено слишком много данных. Сократите введённый текст и повторите.</error.too-large>
    <error.uri-too-long.title>Слишком длинный адрес</error.uri-too-long.title>
    <error.uri-too-long>Адрес страницы слишком длинный.</error.uri-too-long>
    <error.unsupported-media-type.title>Неподдерживаемый формат</error.unsupported-media-type.title>
    <error.unsupported-media-type>Форма отправлена в формате, который сайт не принимает.</error.unsupported-media-type>
    <error.db-down.title>Сервис временно недоступен</error.db-down.title>
    <error.db-down>Мы не можем обработать запрос прямо сейчас. Попробуйте через несколько минут.</error.db-down>
    <error.internal.title>Внутренняя ошибка</error.internal.title>
    <error.internal>Что-то пошло не так на нашей стороне. Попробуйте позже.</error.internal>
    <error.busy.title>Сервис занят</error.busy.title>
    <error.busy>Слишком много одновременных операций. Повторите через минуту.</error.busy>
    <error.provider-down.title>Платёжный сервис недоступен</error.provider-down.title>
    <error.provider-down>Платёжный сервис сейчас не отвечает. Деньги не списаны; попробуйте через несколько минут.</error.provider-down>
    <error.mismatch.title>Платёж не совпадает</error.mismatch.title>
    <error.mismatch>Данные платежа не совпадают с нашими.</error.mismatch>
    <error.bad-month.title>Неверный месяц</error.bad-month.title>
    <error.bad-month>Месяц указывается как ГГГГ-ММ, например 2026-03.</error.bad-month>
    <error.payee-details.title>Квитанция временно недоступна</error.payee-details.title>
    <error.payee-details>Организация уточняет свои банковские реквизиты, и квитанцию пока нельзя показать. Оплатить можно в разделе «Платежи» или в кассе организации.</error.payee-details>
    <error.no-email.title>Нет адреса почты</error.no-email.title>
    <error.no-email>Чтобы получать квитанции по почте, сначала укажите адрес электронной почты в настройках.</error.no-email>
    <error.link-invalid.title>Ссылка недействительна</error.link-invalid.title>
    <error.link-invalid>Ссылка устарела или уже была использована. Запросите новую.</error.link-invalid>
    <error.invoice-paid.title>Уже оплачен</error.invoice-paid.title>
    <error.invoice-paid>Этот счёт уже оплачен.</error.invoice-paid>
    <error.invoice-not-online.title>Не онлайн</error.invoice-not-online.title>
    <error.invoice-not-online>Организация не принимает оплату онлайн: оплатите счёт в банке по реквизитам или QR-коду.</error.invoice-not-online>
  </xsl:template>
  <xsl:template name="messages-ru-login">
    <login-code.title>Код для входа</login-code.title>
    <login-code.intro>Введите код из приложения-аутентификатора или один из кодов восстановления.</login-code.intro>
    <login-code.code>Код</login-code.code>
    <login-code.remember>Запомнить этот браузер на 30 дней</login-code.remember>
    <login-code.intro-sms>Мы отправили код в SMS на номер, оканчивающийся на {end}. Введите его или один из кодов восстановления.</login-code.intro-sms>
    <login-code.resend>Отправить код ещё раз</login-code.resend>
    <login.calculator>Рассчитать начисление по тарифам без входа</login.calculator>
    <login.title>Вход в личный кабинет</login.title>
    <login.login>Логин</login.login>
    <login.password>Пароль</login.password>
    <login.submit>Войти</login.submit>
    <login.hint>Логин и пароль выдаёт ваша организация. Никому не сообщайте пароль — сотрудники его никогда не спрашивают.</login.hint>
    <error.login-required>Введите логин и пароль.</error.login-required>
    <error.bad-credentials>Неверный логин или пароль</error.bad-credentials>
    <error.locked>Слишком много неудачных попыток входа. Попробуйте снова через 15 минут.</error.locked>
    <login.forgot>Забыли пароль?</login.forgot>
    <login.register>Нет логина? Зарегистрируйтесь по номеру лицевого счёта</login.register>
    <login.done.out>Вы вышли из кабинета.</login.done.out>
    <login.done.out-all>Вы вышли из кабинета на всех устройствах.</login.done.out-all>
    <login.done.joined>Вход создан: войдите с только что выбранным паролем, чтобы увидеть открытый вам счёт.</login.done.joined>
    <back.login>Ко входу</back.login>
    <register.title>Регистрация</register.title>
    <register.intro>Если у вас есть лицевой счёт, но нет логина, зарегистрируйтесь: пароль придёт по SMS на телефон, указанный в договоре с организацией, а ссылка для подтверждения — на почту.</register.intro>
    <register.org>Организация</register.org>
    <register.choose>— выберите —</register.choose>
    <register.number>Номер лицевого счёта</register.number>
    <register.email>Электронная почта</register.email>
    <register.phone>Мобильный телефон</register.phone>
    <register.phone-hint>Тот, что указан в договоре, например +7 912 345-67-89.</register.phone-hint>
    <register.submit>Зарегистрироваться</register.submit>
    <register.call>Телефон организации:</register.call>
    <register-sent.title>Почти готово</register-sent.title>
    <register-sent.text>Пароль отправлен по SMS, логин — номер вашего лицевого счёта. На почту отправлена ссылка для подтверждения адреса; она действует 24 часа.</register-sent.text>
    <recover.title>Восстановление пароля</recover.title>
    <recover.intro>Укажите логин или адрес почты. Мы отправим ссылку для смены пароля на почту или код по SMS на телефон, известный организации.</recover.intro>
    <recover.who>Логин или электронная почта</recover.who>
    <recover.how>Как получить</recover.how>
    <recover.by-email>Ссылку на почту (действует 1 час)</recover.by-email>
    <recover.by-sms>Код по SMS (6 цифр)</recover.by-sms>
    <recover.submit>Продолжить</recover.submit>
    <recover.save>Сохранить пароль</recover.save>
    <recover-sent.title>Проверьте почту</recover-sent.title>
    <recover-sent.text>Если такой логин или адрес есть, на почту отправлена ссылка для смены пароля. Она действует 1 час и только один раз.</recover-sent.text>
    <recover-link.title>Новый пароль</recover-link.title>
    <recover-code.title>Код из SMS</recover-code.title>
    <recover-code.intro>Если такой логин или адрес есть, на телефон отправлен код из 6 цифр. Он действует 10 минут; можно сделать 5 попыток.</recover-code.intro>
    <recover-code.code>Код из SMS</recover-code.code>
    <recover-code.tries-left>Осталось попыток:</recover-code.tries-left>
    <recover-code.again>Получить новый код</recover-code.again>
    <recover-done.title>Пароль изменён</recover-done.title>
    <recover-done.text>Новый пароль сохранён. Все открытые сеансы завершены — войдите заново.</recover-done.text>
    <email-confirm.title>Подтвердите адрес почты</email-confirm.title>
    <email-confirm.text>Нажмите кнопку, чтобы письма приходили на адрес</email-confirm.text>
    <email-confirm.submit>Подтвердить адрес</email-confirm.submit>
    <email-confirmed.title>Адрес подтверждён</email-confirmed.title>
    <email-confirmed.text>Письма будут приходить на адрес</email-confirmed.text>
    <pw.new>Новый пароль</pw.new>
    <pw.confirm>Новый пароль ещё раз</pw.confirm>
    <pw.rules>Не короче 12 символов и трудно угадать: без логина, имени и адреса, без распространённых слов, повторов и рядов клавиш. Удобно взять несколько слов через пробел.</pw.rules>
    <field.org>Выберите организацию из списка.</field.org>
    <field.number>Номер лицевого счёта — от 1 до 20 цифр и латинских букв.</field.number>
    <field.email>Адрес почты в виде name@example.ru.</field.email>
    <field.phone>Номер мобильного телефона, например +7 912 345-67-89.</field.phone>
    <field.who>Укажите логин или адрес почты.</field.who>
    <field.method>Выберите, как получить ссылку или код.</field.method>
    <field.code>Введите код из SMS — 6 цифр.</field.code>
    <field.new_password>Введите новый пароль.</field.new_password>
    <field.confirm_password>Повторите новый пароль.</field.confirm_password>
    <error.form-invalid>Проверьте отмеченные поля.</error.form-invalid>
    <error.too-many>Слишком много запросов. Попробуйте снова через час.</error.too-many>
    <error.phone-mismatch>Отправить SMS нельзя: указанный телефон не совпадает с телефоном в договоре. Обновите номер телефона в организации — по телефону или в офисе.</error.phone-mismatch>
    <error.already-registered>Для этого лицевого счёта логин уже есть. Если вы забыли пароль, восстановите его.</error.already-registered>
    <error.code-wrong>Код неверен или устарел.</error.code-wrong>
    <error.password-short>Пароль должен быть не короче 12 символов.</error.password-short>
    <error.password-login>Пароль не должен совпадать с логином.</error.password-login>
    <error.password-common>Этот пароль слишком распространён: его подбирают первым. Выберите другой.</error.password-common>
    <error.password-personal>Пароль легко угадать: в нём ваш логин, имя, телефон или адрес почты. Выберите другой.</error.password-personal>
    <error.password-words>Пароль легко угадать: он из распространённых слов или паролей. Добавьте ещё слова или возьмите фразу подлиннее.</error.password-words>
    <error.password-repeats>Пароль легко угадать: в нём повторяется одно и то же. Выберите другой.</error.password-repeats>
    <error.password-sequence>Пароль легко угадать: в нём последовательность вроде 12345 или abcde. Выберите другой.</error.password-sequence>
    <error.password-keyboard>Пароль легко угадать: это соседние клавиши, как qwerty. Выберите другой.</error.password-keyboard>
    <error.password-date>Пароль легко угадать: в нём дата или год. Выберите другой.</error.password-date>
    <error.password-guessable>Пароль легко угадать. Возьмите несколько слов через пробел.</error.password-guessable>
    <error.password-mismatch>Пароли не совпадают.</error.password-mismatch>
  </xsl:template>
  <xsl:template name="messages-ru-home">
    <home.to-pay>К оплате</home.to-pay>
    <home.nothing-to-pay>Задолженности нет</home.nothing-to-pay>
    <home.accounts>Ваши лицевые счета</home.accounts>
    <home.payments>Последние платежи</home.payments>
    <home.no-payments>Платежей пока нет.</home.no-payments>
    <home.chart>Начисления и оплаты за 12 месяцев</home.chart>
    <home.no-accounts>К кабинету не привязан ни один лицевой счёт. Добавьте счёт, чтобы видеть начисления и платежи.</home.no-accounts>
    <home.profile>Профиль</home.profile>
    <home.chart-table>Таблица значений</home.chart-table>
    <home.title>Главная</home.title>
    <home.greeting>Здравствуйте</home.greeting>
    <home.login>Логин</home.login>
    <home.email>Электронная почта</home.email>
    <home.phone>Телефон</home.phone>
    <home.previous-login>Предыдущий вход</home.previous-login>
    <home.from-address>с адреса</home.from-address>
    <home.first-login>Это ваш первый вход</home.first-login>
    <home.not-you>Если предыдущий вход выполняли не вы, смените пароль и сообщите в организацию.</home.not-you>
  </xsl:template>
  <xsl:template name="messages-ru-accounts">
    <info.offices>Офисы приёма</info.offices>
    <add.title>Добавление лицевого счёта</add.title>
    <add.intro>Чтобы подтвердить, что счёт ваш, укажите месяц и сумму последнего платежа по нему — они есть в чеке или в выписке банка.</add.intro>
    <add.org>Организация</add.org>
    <add.number>Номер лицевого счёта</add.number>
    <add.month>Месяц последнего платежа</add.month>
    <add.year>Год</add.year>
    <add.amount>Сумма последнего платежа</add.amount>
    <add.choose>— выберите —</add.choose>
    <add.submit>Добавить счёт</add.submit>
    <add.cancel>Отмена</add.cancel>
    <field.org>Выберите организацию из списка.</field.org>
    <field.number>Номер лицевого счёта — от 1 до 20 цифр и латинских букв.</field.number>
    <field.month>Выберите месяц.</field.month>
    <field.year>Год — четыре цифры, от 2000 до 2099.</field.year>
    <field.amount>Сумма — число больше нуля, не больше двух знаков после запятой, например 1 234,56.</field.amount>
    <error.form-invalid>Проверьте отмеченные поля.</error.form-invalid>
    <error.link-mismatch>Данные не совпадают с последним платежом по этому лицевому счёту. Проверьте номер счёта, месяц и сумму.</error.link-mismatch>
    <error.link-locked>Слишком много неудачных попыток добавить счёт. Попробуйте снова через час.</error.link-locked>
    <error.already-linked>Этот лицевой счёт уже добавлен в ваш кабинет.</error.already-linked>
    <remove.title>Удаление лицевого счёта</remove.title>
    <remove.question>Удалить этот лицевой счёт из вашего кабинета?</remove.question>
    <remove.hint>Сам счёт и его история не изменятся. Добавить его снова можно в любой момент.</remove.hint>
    <remove.yes>Да, удалить</remove.yes>
    <remove.no>Нет, оставить</remove.no>
    <info.title>Сведения о лицевом счёте</info.title>
    <info.residents>Зарегистрировано жильцов</info.residents>
    <info.area>Площадь, м²</info.area>
    <info.phone>Телефон</info.phone>
    <info.meters>Замена приборов учёта</info.meters>
    <info.none>не указано</info.none>
    <info.org>Организация</info.org>
    <info.org-address>Адрес</info.org-address>
    <info.phones>Телефоны</info.phones>
    <info.email>Эл. почта</info.email>
    <info.inn>ИНН</info.inn>
    <info.bank>Банк</info.bank>
    <info.bic>БИК</info.bic>
    <info.bank-account>Расчётный счёт</info.bank-account>
    <info.corr-account>Корр. счёт</info.corr-account>
    <access.rights.view>Только просмотр: баланс, начисления, квитанции, платежи</access.rights.view>
    <access.rights.readings>Только передача показаний</access.rights.readings>
    <access.rights.pay>Просмотр и оплата</access.rights.pay>
    <access.rights.full>Всё, кроме приглашения других</access.rights.full>
    <access.rights.holder>Владелец</access.rights.holder>
    <access.title>Кто ещё может пользоваться счётом</access.title>
    <access.link>Доступ для других</access.link>
    <access.intro>Дайте родственнику, арендатору или бухгалтеру доступ к этому счёту только с теми правами, которые нужны. Они входят под своим логином; вы можете изменить или забрать доступ в любой момент, и он прекратится сразу.</access.intro>
    <access.done.invited>Приглашение отправлено. Ссылка действует 24 часа и только один раз.</access.done.invited>
    <access.done.changed>Права изменены.</access.done.changed>
    <access.done.revoked>Доступ отозван.</access.done.revoked>
    <access.done.cancelled>Приглашение отменено.</access.done.cancelled>
    <access.delegates>У кого есть доступ</access.delegates>
    <access.none>Больше ни у кого нет доступа к этому счёту.</access.none>
    <access.since>с</access.since>
    <access.rights>Права</access.rights>
    <access.change>Изменить</access.change>
    <access.revoke>Отозвать доступ</access.revoke>
    <access.invitations>Приглашения, ещё не принятые</access.invitations>
    <access.until>действует до</access.until>
    <access.cancel>Отменить</access.cancel>
    <access.invite.title>Пригласить</access.invite.title>
    <access.invite.hint>Мы отправим ссылку на этот адрес почты или телефон. Принять её может только тот, кто вошёл с этим адресом или телефоном.</access.invite.hint>
    <access.contact>Почта или мобильный телефон</access.contact>
    <access.invite.submit>Отправить приглашение</access.invite.submit>
    <access.others>Что делали другие по этому счёту</access.others>
    <access.others.reading>показания счётчика</access.others.reading>
    <access.others.payment>оплата</access.others.payment>
    <access.record>Журнал доступа</access.record>
    <access.event.invited>пригласил(а)</access.event.invited>
    <access.event.accepted>принял(а) приглашение</access.event.accepted>
    <access.event.changed>изменил(а) права:</access.event.changed>
    <access.event.revoked>отозвал(а) доступ:</access.event.revoked>
    <access.event.left>отказал(ась) от доступа</access.event.left>
    <access.event.cancelled>отменил(а) приглашение:</access.event.cancelled>
    <access.shared.title>Доступны вам по приглашению</access.shared.title>
    <access.shared.by>открыл(а) доступ:</access.shared.by>
    <access.shared.badge>Доступ по приглашению</access.shared.badge>
    <access.leave>Отказаться от доступа</access.leave>
    <access.accept.title>Приглашение к лицевому счёту</access.accept.title>
    <access.accept.offers>открывает вам доступ к лицевому счёту:</access.accept.offers>
    <access.accept.yes>Принять</access.accept.yes>
    <access.accept.no>Отклонить</access.accept.no>
    <accounts.done.shared>Доступ к счёту открыт, счёт выбран текущим</accounts.done.shared>
    <accounts.done.declined>Приглашение отклонено</accounts.done.declined>
    <accounts.done.left>Доступа к этому счёту у вас больше нет</accounts.done.left>
    <field.contact>Адрес почты вида name@example.ru или номер мобильного, например +7 912 345-67-89.</field.contact>
    <field.rights>Выберите, что можно делать.</field.rights>
    <error.access-self>Это ваш собственный адрес или телефон: пригласите другого человека.</error.access-self>
    <error.access-too-many>К этому счёту уже 20 приглашённых и приглашений: сначала отзовите или отмените одно.</error.access-too-many>
    <error.access-invite-limit>Сегодня вы отправили 20 приглашений — больше в день нельзя. Попробуйте завтра.</error.access-invite-limit>
    <error.invitation-unknown>Ссылка приглашения недействительна. Проверьте, что она скопирована целиком.</error.invitation-unknown>
    <error.invitation-used>Приглашение уже использовано. Попросите владельца счёта прислать новое.</error.invitation-used>
    <error.invitation-cancelled>Владелец счёта отменил это приглашение.</error.invitation-cancelled>
    <error.invitation-expired>Срок приглашения истёк: оно действует 24 часа. Попросите владельца счёта прислать новое.</error.invitation-expired>
    <error.invitation-not-yours>Приглашение отправлено другому человеку. Войдите под логином, к которому привязаны почта или телефон, куда пришло приглашение.</error.invitation-not-yours>
    <error.invitation-own-account>Этот лицевой счёт уже ваш.</error.invitation-own-account>
    <alert.title>Уведомление о балансе</alert.title>
    <alert.intro>Получать уведомление — так, как вы выбрали для напоминаний, — когда баланс этого счёта (аванс за вычетом долга) станет меньше суммы. Один раз, и снова — после того как баланс восстановится. Долг — это баланс меньше нуля: 0 — уведомлять о любом долге.</alert.intro>
    <alert.done.alert-set>Уведомление настроено.</alert.done.alert-set>
    <alert.done.alert-off>Уведомление выключено.</alert.done.alert-off>
    <alert.now>Вы получите уведомление, когда баланс станет меньше</alert.now>
    <alert.none>Уведомление для этого счёта не настроено.</alert.none>
    <alert.threshold>Уведомить, когда баланс станет меньше</alert.threshold>
    <alert.set>Настроить</alert.set>
    <alert.off>Выключить уведомление</alert.off>
    <field.threshold>Сумма, не больше двух знаков после запятой, например 500 или -1000 (долг больше 1 000).</field.threshold>
    <access.role.view>Наблюдатель: только просмотр</access.role.view>
    <access.role.full>Бухгалтер: всё, кроме приглашения других</access.role.full>
    <access.company.title>Организация, которой принадлежит счёт</access.company.title>
    <access.company.hint>Если счёт принадлежит организации, укажите её: она будет плательщиком в счетах на оплату, а приглашённые — её наблюдателями и бухгалтерами. Для счёта физического лица оставьте пустым.</access.company.hint>
    <access.company.name>Название организации</access.company.name>
    <access.company.tax-id>ИНН (или БИН в Казахстане)</access.company.tax-id>
    <access.company.kpp>КПП, если есть</access.company.kpp>
    <access.company.address>Юридический адрес</access.company.address>
    <access.company.save>Сохранить организацию</access.company.save>
    <access.company.off>Счёт физического лица</access.company.off>
    <access.done.company>Организация сохранена.</access.done.company>
    <access.done.company-off>Счёт снова считается счётом физического лица.</access.done.company-off>
    <field.name>Название организации, до 200 символов.</field.name>
    <field.tax_id>ИНН из 10 или 12 цифр либо БИН из 12, с верным контрольным числом.</field.tax_id>
    <field.kpp>КПП — 9 цифр; если его нет, оставьте поле пустым.</field.kpp>
    <field.address>Юридический адрес, до 300 символов.</field.address>
    <pw.new>Новый пароль</pw.new>
    <pw.confirm>Новый пароль ещё раз</pw.confirm>
    <pw.rules>Не короче 12 символов и трудно угадать: без логина, имени и адреса, без распространённых слов, повторов и рядов клавиш. Удобно взять несколько слов через пробел.</pw.rules>
    <field.new_password>Введите новый пароль.</field.new_password>
    <field.confirm_password>Повторите новый пароль.</field.confirm_password>
    <error.password-short>Пароль должен быть не короче 12 символов.</error.password-short>
    <error.password-login>Пароль не должен совпадать с логином.</error.password-login>
    <error.password-common>Этот пароль слишком распространён: его подбирают первым. Выберите другой.</error.password-common>
    <error.password-personal>Пароль легко угадать: в нём ваш логин, имя, телефон или адрес почты. Выберите другой.</error.password-personal>
    <error.password-words>Пароль легко угадать: он из распространённых слов или паролей. Добавьте ещё слова или возьмите фразу подлиннее.</error.password-words>
    <error.password-repeats>Пароль легко угадать: в нём повторяется одно и то же. Выберите другой.</error.password-repeats>
    <error.password-sequence>Пароль легко угадать: в нём последовательность вроде 12345 или abcde. Выберите другой.</error.password-sequence>
    <error.password-keyboard>Пароль легко угадать: это соседние клавиши, как qwerty. Выберите другой.</error.password-keyboard>
    <error.password-date>Пароль легко угадать: в нём дата или год. Выберите другой.</error.password-date>
    <error.password-guessable>Пароль легко угадать. Возьмите несколько слов через пробел.</error.password-guessable>
    <error.password-mismatch>Пароли не совпадают.</error.password-mismatch>
    <join.title>Создайте логин, чтобы принять приглашение</join.title>
    <join.offers>открывает вам доступ к этому лицевому счёту. Создайте логин, чтобы его получить: им станет адрес почты или телефон, на который пришло приглашение.</join.offers>
    <join.login>Ваш логин</join.login>
    <join.name>Ваше имя</join.name>
    <join.submit>Создать логин и принять</join.submit>
    <join.have-login>Уже есть логин? Войдите и откройте приглашение снова.</join.have-login>
    <error.name-join>Ваше имя — так его увидит владелец счёта.</error.name-join>
    <error.join-login-taken>Логин с этим адресом или телефоном уже есть: войдите с ним и откройте приглашение снова.</error.join-login-taken>
  </xsl:template>
  <xsl:template name="messages-ru-services">
    <services.title>Услуги</services.title>
    <services.change>Сменить счёт</services.change>
    <services.service>Услуга</services.service>
    <services.supplier>Поставщик</services.supplier>
    <services.tariff>Тариф</services.tariff>
    <services.balance>Остаток</services.balance>
    <services.statement>Выписка</services.statement>
    <services.history>Начисления и оплаты</services.history>
    <services.filter>Период и услуга</services.filter>
    <services.from>С месяца</services.from>
    <services.to>По месяц</services.to>
    <services.month-format>ГГГГ-ММ</services.month-format>
    <services.which>Услуга</services.which>
    <services.all>Все услуги</services.all>
    <services.show>Показать</services.show>
    <services.empty>За выбранный период начислений нет.</services.empty>
    <services.no-account>Сначала добавьте лицевой счёт — тогда здесь появятся его услуги.</services.no-account>
    <error.bad-month>Месяц указывается как ГГГГ-ММ, например 2026-03.</error.bad-month>
    <error.period-reversed>Начало периода позже его конца. Поменяйте месяцы местами.</error.period-reversed>
    <error.period-too-long>Период не может быть длиннее 60 месяцев.</error.period-too-long>
    <statement.title>Выписка по услуге</statement.title>
    <act.title>Акт сверки</act.title>
    <rendered.title>Акт оказанных услуг</rendered.title>
    <rendered.by>Исполнитель</rendered.by>
    <rendered.to>Заказчик</rendered.to>
    <rendered.month>Месяц</rendered.month>
    <rendered.amount>Сумма</rendered.amount>
    <rendered.note>Вышеперечисленные услуги оказаны полностью и в срок. Заказчик претензий по объёму, качеству и срокам оказания услуг не имеет.</rendered.note>
    <act.between>взаимных расчётов между</act.between>
    <act.and>и</act.and>
    <act.entry>Операция</act.entry>
    <act.debit>Дебет</act.debit>
    <act.credit>Кредит</act.credit>
    <act.opening>Сальдо на начало периода</act.opening>
    <act.charged>Начислено за</act.charged>
    <act.corrected>Перерасчёт за</act.corrected>
    <act.paid>Оплата за</act.paid>
    <act.turnover>Обороты за период</act.turnover>
    <act.closing>Сальдо на конец периода</act.closing>
    <act.owes>Задолженность плательщика на конец периода:</act.owes>
    <act.ahead>Переплата плательщика на конец периода:</act.ahead>
    <act.settled>На конец периода задолженности нет.</act.settled>
    <statement.account>Лицевой счёт</statement.account>
    <statement.period>Период</statement.period>
    <statement.unit>Единица</statement.unit>
    <statement.corrections>Перерасчёты</statement.corrections>
    <statement.reason>Причина</statement.reason>
    <statement.amount>Сумма</statement.amount>
    <statement.print>Для печати воспользуйтесь командой браузера «Печать» (Ctrl+P): страница оформлена для листа A4.</statement.print>
    <statement.back>К услугам</statement.back>
    <docs.title>Документы</docs.title>
    <docs.months>Квитанции и акты по месяцам</docs.months>
    <docs.receipt>Квитанция</docs.receipt>
    <docs.invoices>Счета на оплату</docs.invoices>
    <docs.no-invoices>За этот период счетов не выставлялось.</docs.no-invoices>
    <inv.title>Счёт на оплату</inv.title>
    <inv.of>от</inv.of>
    <inv.paid>Оплачен</inv.paid>
    <inv.unpaid>Ещё не оплачен</inv.unpaid>
    <inv.new>Выставить счёт</inv.new>
    <inv.new-hint>Счёт на оплату — распечатать, передать бухгалтеру или оплатить онлайн: за одну услугу или за весь лицевой счёт. Номер присваивает организация.</inv.new-hint>
    <inv.service>За что</inv.service>
    <inv.all-services>Все услуги лицевого счёта</inv.all-services>
    <inv.amount>Сумма</inv.amount>
    <inv.make>Выставить счёт</inv.make>
    <inv.payee>Получатель</inv.payee>
    <inv.inn>ИНН</inv.inn>
    <inv.payee-address>Адрес</inv.payee-address>
    <inv.bank>Банк</inv.bank>
    <inv.bic>БИК</inv.bic>
    <inv.bank-account>Расчётный счёт</inv.bank-account>
    <inv.corr-account>Корр. счёт</inv.corr-account>
    <inv.payer>Плательщик</inv.payer>
    <inv.what>Назначение</inv.what>
    <inv.for-account>Услуги по лицевому счёту</inv.for-account>
    <inv.qr>QR-код для оплаты счёта в приложении банка</inv.qr>
    <inv.pay>Оплатить онлайн</inv.pay>
    <field.amount>Сумма — число больше нуля, не больше двух знаков после запятой, например 1 234,56.</field.amount>
    <field.service>Выберите одну из услуг счёта или все сразу.</field.service>
    <inv.tax-id>ИНН / БИН</inv.tax-id>
    <inv.kpp>КПП</inv.kpp>
    <inv.legal-address>Юридический адрес</inv.legal-address>
    <inv.quantity>Или количество по тарифу услуги</inv.quantity>
    <inv.quantity-hint>Выберите услугу выше и оставьте сумму пустой: счёт будет на столько единиц по тарифу последнего месяца.</inv.quantity-hint>
    <field.quantity>Количество больше нуля, не больше трёх знаков после запятой, например 1000 или 12,5.</field.quantity>
    <error.one-of>Укажите сумму или количество, но не то и другое.</error.one-of>
    <error.needs-tariff>Чтобы выставить счёт на количество, выберите услугу с тарифом.</error.needs-tariff>
    <services.lines>Подключения к интернету</services.lines>
    <services.line.plan>Тариф</services.line.plan>
    <services.line.speed>Скорость</services.line.speed>
    <services.line.mbps>Мбит/с</services.line.mbps>
    <services.line.fee>Абонентская плата</services.line.fee>
    <services.line.login>Логин подключения</services.line.login>
    <services.line.ip>IP-адрес</services.line.ip>
    <services.line.state>Состояние</services.line.state>
    <services.line.active>Работает</services.line.active>
    <services.line.suspended>Приостановлен за долг</services.line.suspended>
    <services.promise.running>Включён по обещанному платежу до</services.promise.running>
    <services.promise.used>Обещанный платёж в этом месяце уже использован; попросить его снова можно в следующем месяце.</services.promise.used>
    <services.promise.offer1>Обещанный платёж включает доступ на</services.promise.offer1>
    <services.promise.offer2>дн., пока вы оплачиваете, раз в месяц, если долг не больше</services.promise.offer2>
    <services.promise.ask>Включить по обещанному платежу</services.promise.ask>
    <services.promise.done>Доступ включён по обещанному платежу. Пожалуйста, оплатите до его окончания.</services.promise.done>
    <error.promise-over-limit>Долг больше, чем допускает обещанный платёж: сначала оплатите его или часть.</error.promise-over-limit>
    <error.promise-used>Обещанный платёж в этом месяце уже использован.</error.promise-used>
    <error.promise-running>Обещанный платёж уже действует.</error.promise-running>
    <error.promise-active>Доступ не приостановлен: включать нечего.</error.promise-active>
    <error.promise-off>Ваша организация не предоставляет обещанный платёж.</error.promise-off>
    <events.title>События охраны</events.title>
    <events.objects>Охраняемые объекты</events.objects>
    <events.address>Адрес</events.address>
    <events.type>Тип</events.type>
    <events.state>Состояние</events.state>
    <events.state.armed>Под охраной</events.state.armed>
    <events.state.disarmed>Снят с охраны</events.state.disarmed>
    <events.state.alarm>Тревога</events.state.alarm>
    <events.state.fault>Неисправность</events.state.fault>
    <events.log>Журнал событий</events.log>
    <events.no-objects>На этом лицевом счёте нет объектов под охраной.</events.no-objects>
    <events.none>За этот период событий нет.</events.none>
    <events.when>Когда</events.when>
    <events.what>Событие</events.what>
    <events.zone>Зона</events.zone>
    <events.who>Кто</events.who>
    <events.kind.armed>Постановка на охрану</events.kind.armed>
    <events.kind.disarmed>Снятие с охраны</events.kind.disarmed>
    <events.kind.alarm>Тревога</events.kind.alarm>
    <events.kind.fault>Неисправность</events.kind.fault>
    <events.kind.restored>Восстановление</events.kind.restored>
    <events.truncated>Показаны последние 500 событий периода: выберите период короче, чтобы увидеть остальные.</events.truncated>
    <usage.title>Звонки и сеансы</usage.title>
    <usage.of.call>Детализация звонков</usage.of.call>
    <usage.of.session>Сеансы интернета</usage.of.session>
    <usage.one.call>Звонок</usage.one.call>
    <usage.one.session>Сеанс</usage.one.session>
    <usage.kind>Показать</usage.kind>
    <usage.start>Начало</usage.start>
    <usage.end>Окончание</usage.end>
    <usage.service>Услуга</usage.service>
    <usage.what>Что</usage.what>
    <usage.number>Номер</usage.number>
    <usage.duration>Длительность</usage.duration>
    <usage.seconds>Длительность, с</usage.seconds>
    <usage.traffic>Трафик</usage.traffic>
    <usage.in>Получено</usage.in>
    <usage.out>Отправлено</usage.out>
    <usage.bytes-in>Получено, байт</usage.bytes-in>
    <usage.bytes-out>Отправлено, байт</usage.bytes-out>
    <usage.mb>МБ</usage.mb>
    <usage.cost>Стоимость</usage.cost>
    <usage.in-plan>в тарифе</usage.in-plan>
    <usage.count>Записей</usage.count>
    <usage.none>За этот период нет звонков и сеансов.</usage.none>
    <usage.nothing>По этому лицевому счёту нет звонков и сеансов интернета.</usage.nothing>
    <usage.truncated>Показаны только последние 500 записей периода; итоги выше — по всем. Скачайте файл или выберите период короче, чтобы увидеть остальные.</usage.truncated>
    <usage.download>Скачать за период:</usage.download>
    <error.bad-kind>Выберите звонки, сеансы или всё вместе.</error.bad-kind>
    <error.usage-too-many>В периоде больше 50 000 записей — слишком много для одного файла: выберите период короче.</error.usage-too-many>
  </xsl:template>
  <xsl:template name="messages-ru-calculator">
    <calc.meter>Счётчик</calc.meter>
    <calc.no-meter>— по тарифу, без счётчика —</calc.no-meter>
    <calc.title>Калькулятор начислений</calc.title>
    <calc.intro>Введите показания счётчика на две даты: калькулятор покажет расход и сумму по действующим тарифам. Ничего не сохраняется.</calc.intro>
    <calc.org>Организация</calc.org>
    <calc.show-plans>Показать тарифы</calc.show-plans>
    <calc.plan>Тариф</calc.plan>
    <calc.no-plans>У этой организации нет опубликованных тарифов.</calc.no-plans>
    <calc.residents>Зарегистрировано жильцов</calc.residents>
    <calc.household>Плита и состав семьи</calc.household>
    <hh.gas>газовая плита</hh.gas>
    <hh.gas-alone>газовая плита, проживаю один</hh.gas-alone>
    <hh.estove>электроплита</hh.estove>
    <hh.estove-alone>электроплита, проживаю один</hh.estove-alone>
    <hh.eheating>дом с электроотоплением</hh.eheating>
    <calc.from>Дата предыдущих показаний</calc.from>
    <calc.to>Дата текущих показаний</calc.to>
    <calc.date-format>ГГГГ-ММ-ДД</calc.date-format>
    <calc.prev>Предыдущие показания</calc.prev>
    <calc.curr>Текущие показания</calc.curr>
    <calc.zones>Показания по зонам</calc.zones>
    <zone.1-of-1>Счётчик</zone.1-of-1>
    <zone.1-of-2>Т1 — день (07–23)</zone.1-of-2>
    <zone.2-of-2>Т2 — ночь (23–07)</zone.2-of-2>
    <zone.1-of-3>Т1 — пик (07–10, 17–21)</zone.1-of-3>
    <zone.2-of-3>Т2 — ночь (23–07)</zone.2-of-3>
    <zone.3-of-3>Т3 — полупик (10–17, 21–23)</zone.3-of-3>
    <tier.1-of-1>весь объём</tier.1-of-1>
    <tier.1-of-2>в пределах социальной нормы</tier.1-of-2>
    <tier.2-of-2>сверх социальной нормы</tier.2-of-2>
    <tier.1-of-3>1-й уровень</tier.1-of-3>
    <tier.2-of-3>2-й уровень</tier.2-of-3>
    <tier.3-of-3>3-й уровень</tier.3-of-3>
    <calc.rollover>Счётчик прошёл через ноль (текущие показания меньше предыдущих)</calc.rollover>
    <calc.submit>Рассчитать</calc.submit>
    <calc.result>Расчёт</calc.result>
    <calc.consumption>Расход</calc.consumption>
    <calc.zone>Зона</calc.zone>
    <calc.tier>Объём</calc.tier>
    <calc.quantity>Количество</calc.quantity>
    <calc.rate>Тариф</calc.rate>
    <calc.amount>Сумма</calc.amount>
    <calc.vat>НДС</calc.vat>
    <calc.vat-included>в том числе НДС</calc.vat-included>
    <calc.vat-added>НДС начислен сверх тарифа</calc.vat-added>
    <calc.total>Итого</calc.total>
    <calc.valid>Тариф действует с</calc.valid>
    <calc.from-to>по</calc.from-to>
    <calc.hint>Расчёт ориентировочный: начисление в квитанции учитывает перерасчёты и показания, принятые организацией.</calc.hint>
    <error.form-invalid>Проверьте отмеченные поля.</error.form-invalid>
    <error.choose>Выберите значение из списка.</error.choose>
    <error.residents>Число жильцов — от 1 до 20.</error.residents>
    <error.required>Заполните поле.</error.required>
    <error.bad-date>Дата указывается как ГГГГ-ММ-ДД, например 2026-03-01.</error.bad-date>
    <error.bad-number>Показания — число без знака, не больше трёх знаков после запятой.</error.bad-number>
    <error.dates-reversed>Дата текущих показаний должна быть позже даты предыдущих.</error.dates-reversed>
    <error.date-future>Дата показаний не может быть в будущем.</error.date-future>
    <error.period-too-long>Между показаниями может быть не больше 366 дней.</error.period-too-long>
    <error.below-previous>Текущие показания меньше предыдущих. Если счётчик прошёл через ноль, отметьте это ниже.</error.below-previous>
    <error.rollover-implausible>Даже с переходом через ноль такой расход неправдоподобен. Проверьте показания.</error.rollover-implausible>
    <error.no-tariff>На эти даты у выбранного тарифа нет цен. Выберите другие даты.</error.no-tariff>
    <error.too-many-tariffs>За этот период тариф или ставка НДС менялись слишком много раз. Разбейте период на части.</error.too-many-tariffs>
  </xsl:template>
  <xsl:template name="messages-ru-readings">
    <rd.title>Показания счётчиков</rd.title>
    <rd.intro>Введите текущие показания каждого счётчика. Поля заполнены последними принятыми показаниями: измените те, что сняли.</rd.intro>
    <rd.window>Показания принимаются с</rd.window>
    <rd.window-to>по</rd.window-to>
    <rd.window-day>число месяца</rd.window-day>
    <rd.window-closed>Сейчас приём закрыт.</rd.window-closed>
    <rd.window-opens>Приём откроется</rd.window-opens>
    <rd.all-closed>Сейчас показания можно проверить, но не отправить: отправить их можно будет в дни приёма.</rd.all-closed>
    <rd.meter>Счётчик</rd.meter>
    <rd.account>Лицевой счёт</rd.account>
    <rd.verification>Поверка до</rd.verification>
    <rd.last>Последние показания</rd.last>
    <rd.new>Текущие показания</rd.new>
    <rd.consumed>Расход</rd.consumed>
    <rd.own-before>Вы уже передали </rd.own-before>
    <rd.own-after>; пока организация их не приняла, показания можно исправить: введите верные и отправьте.</rd.own-after>
    <error.reading-taken>Организация уже приняла эти показания, исправить их нельзя. Если в них ошибка, позвоните в организацию.</error.reading-taken>
    <rd.unusual>Расход более чем втрое выше обычного. Проверьте показания: отправить их можно и так.</rd.unusual>
    <rd.estimate>Ориентировочное начисление</rd.estimate>
    <rd.rollover>Счётчик прошёл через ноль</rd.rollover>
    <rd.preview>Проверить</rd.preview>
    <rd.submit>Отправить показания</rd.submit>
    <rd.preview-title>Проверьте перед отправкой</rd.preview-title>
    <rd.done>Показания приняты. Спасибо!</rd.done>
    <rd.history>История показаний</rd.history>
    <rd.none>К вашим лицевым счетам не привязано ни одного счётчика.</rd.none>
    <rd.date>Дата</rd.date>
    <rd.value>Показания</rd.value>
    <rd.source>Источник</rd.source>
    <rd.status>Статус</rd.status>
    <rd.back>К показаниям</rd.back>
    <src.subscriber>абонент</src.subscriber>
    <src.staff>сотрудник</src.staff>
    <src.import>импорт</src.import>
    <st.accepted>принято</st.accepted>
    <st.rejected>отклонено</st.rejected>
    <st.replaced>исправлено</st.replaced>
    <st.pending>на проверке</st.pending>
    <zone.1-of-1>Счётчик</zone.1-of-1>
    <zone.1-of-2>Т1 — день (07–23)</zone.1-of-2>
    <zone.2-of-2>Т2 — ночь (23–07)</zone.2-of-2>
    <zone.1-of-3>Т1 — пик (07–10, 17–21)</zone.1-of-3>
    <zone.2-of-3>Т2 — ночь (23–07)</zone.2-of-3>
    <zone.3-of-3>Т3 — полупик (10–17, 21–23)</zone.3-of-3>
    <error.form-invalid>Проверьте отмеченные поля.</error.form-invalid>
    <error.required>Заполните поле.</error.required>
    <error.bad-reading>Показания — число без знака, не больше трёх знаков после запятой.</error.bad-reading>
    <error.whole-reading>Показания этого счётчика — целое число, без знаков после запятой.</error.whole-reading>
    <error.below-previous>Показания меньше предыдущих. Если счётчик прошёл через ноль, отметьте это.</error.below-previous>
    <error.rollover-implausible>Даже с переходом через ноль такой расход неправдоподобен. Проверьте показания.</error.rollover-implausible>
    <error.window-closed>Показания по этому счёту сейчас не принимаются: приём идёт в дни, указанные выше.</error.window-closed>
    <error.nothing-new>Новых показаний нет: измените показания хотя бы одного счётчика.</error.nothing-new>
  </xsl:template>
  <xsl:template name="messages-ru-payments">
    <pay.history>Платежи</pay.history>
    <pay.title>Оплата</pay.title>
    <pay.pay>Оплатить</pay.pay>
    <pay.result>Результат оплаты</pay.result>
    <pay.autopay>Автоплатёж</pay.autopay>
    <pay.filter>Период и счета</pay.filter>
    <pay.from>С месяца</pay.from>
    <pay.to>По месяц</pay.to>
    <pay.month-format>ГГГГ-ММ</pay.month-format>
    <pay.which>Счета</pay.which>
    <pay.current-account>Текущий лицевой счёт</pay.current-account>
    <pay.all-accounts>Все лицевые счета</pay.all-accounts>
    <pay.show>Показать</pay.show>
    <pay.by-service>Услуга</pay.by-service>
    <pay.any-service>Все услуги</pay.any-service>
    <pay.by-channel>Способ</pay.by-channel>
    <pay.any-channel>Любой</pay.any-channel>
    <pay.sort>Порядок</pay.sort>
    <pay.sort.newest>Сначала новые</pay.sort.newest>
    <pay.sort.oldest>Сначала старые</pay.sort.oldest>
    <pay.sort.largest>Сначала крупные</pay.sort.largest>
    <pay.sort.smallest>Сначала мелкие</pay.sort.smallest>
    <pay.none>За этот период платежей нет.</pay.none>
    <pay.when>Дата и время</pay.when>
    <pay.account>Лицевой счёт</pay.account>
    <pay.amount>Сумма</pay.amount>
    <pay.source>Способ</pay.source>
    <pay.status>Статус</pay.status>
    <pay.split>Распределение по услугам</pay.split>
    <pay.truncated>Показаны не все платежи: выберите период короче.</pay.truncated>
    <status.pending>ожидает подтверждения</status.pending>
    <status.succeeded>зачислен</status.succeeded>
    <status.canceled>не прошёл</status.canceled>
    <pay.no-account>К кабинету не привязан ни один лицевой счёт.</pay.no-account>
    <pay.add-account>Добавить лицевой счёт</pay.add-account>
    <pay.off>Оплата картой через личный кабинет сейчас недоступна. Оплатить можно в банке или в кассе организации.</pay.off>
    <pay.intro>Укажите сумму для одного или нескольких лицевых счетов. На следующем шаге вы увидите, как она распределится по услугам, а оплата картой пройдёт на защищённой странице платёжного сервиса.</pay.intro>
    <pay.due>К оплате</pay.due>
    <pay.advance>переплата</pay.advance>
    <pay.amount-label>Сумма платежа, ₽</pay.amount-label>
    <pay.not-payable>Этот счёт нельзя оплатить картой через кабинет: организация принимает оплату в банке или в своей кассе.</pay.not-payable>
    <pay.limits>Сумма одного платежа:</pay.limits>
    <pay.save>Запомнить карту для автоплатежа (номер карты хранит платёжный сервис, не мы)</pay.save>
    <pay.next>Далее</pay.next>
    <pay.preview>Проверьте платёж. Так сумма распределится по услугам.</pay.preview>
    <pay.service>Услуга</pay.service>
    <pay.supplier>Поставщик</pay.supplier>
    <pay.balance>Долг (+) или аванс (−)</pay.balance>
    <pay.share>Из платежа</pay.share>
    <pay.after>Останется к оплате:</pay.after>
    <pay.rule>Если платёж меньше начисленного, он делится между услугами пропорционально суммам к оплате по каждой (п. 118 Правил, утв. постановлением Правительства РФ № 354); сумма сверх начисленного станет авансом по услугам. Распределение можно изменить в полях «Из платежа» и пересчитать.</pay.rule>
    <pay.total>Итого к оплате:</pay.total>
    <pay.card-note>Данные карты вы введёте на странице платёжного сервиса ЮKassa; личный кабинет их не получает и не хранит.</pay.card-note>
    <pay.back>Изменить</pay.back>
    <pay.go>Оплатить</pay.go>
    <pay.succeeded>Оплата прошла, деньги зачислены на лицевой счёт:</pay.succeeded>
    <pay.canceled>Оплата не прошла.</pay.canceled>
    <pay.try-again>Попробовать ещё раз</pay.try-again>
    <pay.pending>Платёж ждёт подтверждения банка. Мы зачислим его, как только банк подтвердит оплату, и пришлём письмо.</pay.pending>
    <pay.refresh>Обновить статус</pay.refresh>
    <pay.unchecked>Не удалось узнать статус у платёжного сервиса; показан последний известный.</pay.unchecked>
    <pay.fiscal>Кассовый чек</pay.fiscal>
    <pay.fiscal.fn>Номер фискального накопителя (ФН)</pay.fiscal.fn>
    <pay.fiscal.fd>Номер фискального документа (ФД)</pay.fiscal.fd>
    <pay.fiscal.fp>Фискальный признак (ФП)</pay.fiscal.fp>
    <pay.fiscal.at>Зарегистрирован</pay.fiscal.at>
    <pay.fiscal.check>Проверить чек у оператора фискальных данных</pay.fiscal.check>
    <pay.fiscal.waiting>Кассовый чек ещё не зарегистрирован; он появится здесь и придёт вам, как только будет готов.</pay.fiscal.waiting>
    <pay.fiscal.short>Чек:</pay.fiscal.short>
    <pay.fiscal.fn-short>ФН</pay.fiscal.fn-short>
    <pay.fiscal.fd-short>ФД</pay.fiscal.fd-short>
    <pay.fiscal.fp-short>ФП</pay.fiscal.fp-short>
    <pay.autopay-offer>Включить автоплатёж</pay.autopay-offer>
    <pay.autopay-intro>Каждый месяц в выбранный день мы спишем сумму к оплате, но не больше указанной, с карты</pay.autopay-intro>
    <pay.day>День месяца</pay.day>
    <pay.choose-day>Выберите</pay.choose-day>
    <pay.max>Не больше, ₽</pay.max>
    <pay.enable>Включить</pay.enable>
    <pay.card>Карта</pay.card>
    <pay.disable>Отключить</pay.disable>
    <pay.autopay-saved>Настройки автоплатежа сохранены.</pay.autopay-saved>
    <pay.autopay-how>При отключении автоплатежа мы удаляем сохранённую карту.</pay.autopay-how>
    <pay.no-autopay>Автоплатёж не настроен. Включить его можно после оплаты картой с отметкой «Запомнить карту для автоплатежа».</pay.no-autopay>
    <reason.insufficient_funds>Недостаточно средств на карте.</reason.insufficient_funds>
    <reason.expired_on_confirmation>Оплата отменена или не подтверждена вовремя.</reason.expired_on_confirmation>
    <reason.card_expired>Истёк срок действия карты.</reason.card_expired>
    <reason.3d_secure_failed>Не пройдено подтверждение 3-D Secure.</reason.3d_secure_failed>
    <reason.call_issuer>Банк отклонил оплату; обратитесь в банк, выпустивший карту.</reason.call_issuer>
    <reason.fraud_suspected>Банк заподозрил мошенничество и отклонил оплату.</reason.fraud_suspected>
    <reason.payment_method_restricted>Оплата этой картой запрещена.</reason.payment_method_restricted>
    <reason.permission_revoked>Разрешение на списание без подтверждения отозвано.</reason.permission_revoked>
    <reason.not-sent>Платёж не удалось передать в платёжный сервис; деньги не списаны.</reason.not-sent>
    <reason.provider-unavailable>Платёжный сервис был недоступен; деньги не списаны.</reason.provider-unavailable>
    <reason.other>Банк отклонил оплату.</reason.other>
    <error.form-invalid>Проверьте отмеченные поля.</error.form-invalid>
    <error.required>Заполните поле.</error.required>
    <error.bad-amount>Сумма — число в рублях, не больше двух знаков после запятой, например 1500 или 1 234,56.</error.bad-amount>
    <error.amount-too-small>Сумма меньше допустимой для одного платежа.</error.amount-too-small>
    <error.amount-too-large>Сумма больше допустимой для одного платежа.</error.amount-too-large>
    <error.not-payable>Этот счёт нельзя оплатить картой через кабинет.</error.not-payable>
    <error.one-currency>Счета в разных валютах оплачиваются отдельными платежами.</error.one-currency>
    <error.nothing-to-pay>Укажите сумму хотя бы для одного лицевого счёта.</error.nothing-to-pay>
    <error.bad-day>Выберите день от 1 до 28.</error.bad-day>
    <error.bad-month>Месяц указывается как ГГГГ-ММ, например 2026-03.</error.bad-month>
    <error.period-reversed>Начало периода позже его конца. Поменяйте месяцы местами.</error.period-reversed>
    <error.period-too-long>Период не может быть длиннее 60 месяцев.</error.period-too-long>
    <pay.share-label>Из платежа, сумма по услуге</pay.share-label>
    <pay.recalc>Пересчитать</pay.recalc>
  </xsl:template>
  <xsl:template name="messages-ru-receipts">
    <rc.title>Квитанции</rc.title>
    <rc.change>Сменить счёт</rc.change>
    <rc.no-account>Сначала добавьте лицевой счёт — тогда здесь появятся его квитанции.</rc.no-account>
    <rc.filter>Период</rc.filter>
    <rc.from>С месяца</rc.from>
    <rc.to>По месяц</rc.to>
    <rc.month-format>ГГГГ-ММ</rc.month-format>
    <rc.show>Показать</rc.show>
    <rc.empty>За выбранный период квитанций нет.</rc.empty>
    <rc.month>Месяц</rc.month>
    <rc.due>Оплатить до</rc.due>
    <rc.to-pay>К оплате</rc.to-pay>
    <rc.paid-since>Оплачено после</rc.paid-since>
    <rc.status>Статус</rc.status>
    <rc.actions>Квитанция</rc.actions>
    <rc.status.paid>оплачена</rc.status.paid>
    <rc.status.partly>оплачена частично</rc.status.partly>
    <rc.status.unpaid>не оплачена</rc.status.unpaid>
    <rc.view>Открыть</rc.view>
    <rc.print>Печать</rc.print>
    <rc.pdf>PDF</rc.pdf>
    <rc.email.title>Квитанции по электронной почте</rc.email.title>
    <rc.done.email-on>Готово: квитанции по этому счёту будут приходить по электронной почте.</rc.done.email-on>
    <rc.done.email-off>Готово: квитанции по этому счёту снова будут приходить на бумаге.</rc.done.email-off>
    <rc.email.on>Квитанции по этому счёту приходят на адрес</rc.email.on>
    <rc.email.off>Каждая новая квитанция может приходить в PDF на вашу почту вместо бумажной.</rc.email.off>
    <rc.email.enable>Получать квитанции по почте</rc.email.enable>
    <rc.email.disable>Больше не присылать</rc.email.disable>
    <rc.email.none>Чтобы получать квитанции по почте, укажите адрес электронной почты в настройках.</rc.email.none>
    <rc.doc>Платёжный документ (единый)</rc.doc>
    <rc.for>за</rc.for>
    <rc.number>Документ №</rc.number>
    <rc.issued>сформирован</rc.issued>
    <rc.front>Расчёт платы</rc.front>
    <rc.payer>Плательщик</rc.payer>
    <rc.payer-name>Ф. И. О.</rc.payer-name>
    <rc.account>Лицевой счёт</rc.account>
    <rc.address>Адрес помещения</rc.address>
    <rc.area>Площадь, м²</rc.area>
    <rc.residents>Зарегистрировано</rc.residents>
    <rc.payee>Получатель платежа</rc.payee>
    <rc.inn>ИНН</rc.inn>
    <rc.kpp>КПП</rc.kpp>
    <rc.bank-account>Расчётный счёт</rc.bank-account>
    <rc.bank>Банк</rc.bank>
    <rc.bic>БИК</rc.bic>
    <rc.corr-account>Корр. счёт</rc.corr-account>
    <rc.qr>Отсканируйте код в приложении банка: реквизиты и сумма заполнятся сами.</rc.qr>
    <rc.qr-label>QR-код для оплаты</rc.qr-label>
    <rc.no-qr>Оплата по QR-коду для этой организации недоступна.</rc.no-qr>
    <rc.issuer>Исполнитель, выставивший квитанцию</rc.issuer>
    <rc.qr-per-payee>У каждого получателя платежа свой QR-код: они ниже, под расчётом.</rc.qr-per-payee>
    <rc.payees>Получатели платежа</rc.payees>
    <rc.payees-note>Часть услуг оплачивается напрямую их поставщикам: каждому — своим платежом, на сумму его услуг.</rc.payees-note>
    <rc.payee-services>Услуги</rc.payee-services>
    <rc.payee-to-pay>К оплате этому получателю</rc.payee-to-pay>
    <rc.service>Услуга</rc.service>
    <rc.unit>Ед.</rc.unit>
    <rc.volume>Объём</rc.volume>
    <rc.tariff>Тариф</rc.tariff>
    <rc.accrued>Начислено</rc.accrued>
    <rc.recalc>Перерасчёт</rc.recalc>
    <rc.paid>Оплачено</rc.paid>
    <rc.to-pay-col>К оплате</rc.to-pay-col>
    <rc.debt-col>Долг на начало</rc.debt-col>
    <rc.total>Итого</rc.total>
    <rc.opening>Задолженность на начало периода</rc.opening>
    <rc.opening-advance>Переплата на начало периода</rc.opening-advance>
    <rc.grand-total>Итого к оплате</rc.grand-total>
    <rc.version>версия</rc.version>
    <rc.replaced>Эту квитанцию заменила новая версия от</rc.replaced>
    <rc.see-latest>Открыть действующую</rc.see-latest>
    <rc.earlier>Прежние версии:</rc.earlier>
    <rc.penalties>Пени</rc.penalties>
    <rc.penalty>пени</rc.penalty>
    <rc.advance>аванс</rc.advance>
    <rc.paid-after-issue>Оплачено после выставления</rc.paid-after-issue>
    <rc.remaining>Осталось оплатить</rc.remaining>
    <rc.nothing-due>Оплачивать ничего не нужно: долга ни по одной услуге нет</rc.nothing-due>
    <rc.corrections>Информация о перерасчётах</rc.corrections>
    <rc.reason>Основание</rc.reason>
    <rc.amount>Сумма</rc.amount>
    <rc.back>Справочная информация</rc.back>
    <rc.readings>Показания приборов учёта</rc.readings>
    <rc.meter>Счётчик</rc.meter>
    <rc.zone>Тариф. зона</rc.zone>
    <rc.prev>Предыдущее</rc.prev>
    <rc.curr>Текущее</rc.curr>
    <rc.used>Расход</rc.used>
    <rc.no-reading>не передано</rc.no-reading>
    <rc.no-meters>Приборов учёта на счёте нет.</rc.no-meters>
    <rc.note>Информация от организации</rc.note>
    <rc.contacts>Контакты</rc.contacts>
    <rc.phones>Телефоны</rc.phones>
    <rc.email>Эл. почта</rc.email>
    <rc.website>Сайт</rc.website>
    <rc.how>Как оплатить</rc.how>
    <rc.how.portal>в личном кабинете, раздел «Платежи» — картой, без комиссии; там же можно включить автоплатёж;</rc.how.portal>
    <rc.how.qr>в приложении или банкомате своего банка — по QR-коду с этой квитанции;</rc.how.qr>
    <rc.how.bank>в отделении банка или кассе организации — предъявив квитанцию.</rc.how.bank>
    <rc.how.due>Оплатите до</rc.how.due>
    <rc.to-list>Все квитанции</rc.to-list>
    <rc.print-hint>Команда браузера «Печать» (Ctrl+P) напечатает квитанцию на одном листе A4.</rc.print-hint>
    <rc.back-to-view>Вернуться к квитанции</rc.back-to-view>
    <rc.zone.1>T1</rc.zone.1>
    <rc.zone.2>T2</rc.zone.2>
    <rc.zone.3>T3</rc.zone.3>
    <rc.zone.single>—</rc.zone.single>
    <rc.of-which>в т. ч.</rc.of-which>
    <rc.calculation>Расчёт размера платы</rc.calculation>
    <rc.tier>диапазон</rc.tier>
    <rc.volume-all>весь объём</rc.volume-all>
    <rc.people>чел.</rc.people>
    <rc.side.front>Лицевая сторона</rc.side.front>
    <rc.side.back>Оборотная сторона</rc.side.back>
    <error.bad-month>Месяц указывается как ГГГГ-ММ, например 2026-03.</error.bad-month>
    <error.period-reversed>Начало периода позже его конца. Поменяйте месяцы местами.</error.period-reversed>
    <error.period-too-long>Период не может быть длиннее 60 месяцев.</error.period-too-long>
  </xsl:template>

  <xsl:template name="messages-ru-mail">
    <mail.remind-readings.subject>Пора передать показания счётчиков</mail.remind-readings.subject>
    <mail.remind-due.subject>Скоро срок оплаты</mail.remind-due.subject>
    <mail.remind-verification.subject>Подходит срок поверки счётчика</mail.remind-verification.subject>
    <mail.remind.readings>Идёт приём показаний; по лицевому счёту пока нет показаний:</mail.remind.readings>
    <mail.remind.until>Передайте их до</mail.remind.until>
    <mail.remind.due>Срок оплаты (есть неоплаченное) по лицевому счёту</mail.remind.due>
    <mail.remind.verification>Срок поверки счётчика</mail.remind.verification>
    <mail.remind.go>Перейти:</mail.remind.go>
    <mail.remind.stop>Отключить напоминания можно в настройках личного кабинета.</mail.remind.stop>
    <mail.reading-accepted.sms>Личный кабинет: показание {value} счётчика {meter} принято.</mail.reading-accepted.sms>
    <mail.reading-rejected.sms>Личный кабинет: показание {value} счётчика {meter} отклонено. Причина: {reason}</mail.reading-rejected.sms>
    <mail.reading-accepted.subject>Показание принято</mail.reading-accepted.subject>
    <mail.reading-rejected.subject>Показание отклонено</mail.reading-rejected.subject>
    <mail.registered.subject>Вход в личный кабинет</mail.registered.subject>
    <mail.registered.email>Для вас создан вход в личный кабинет: логин {login}, пароль {password}. Смените пароль после входа.</mail.registered.email>
    <mail.refund.subject>Возврат платежа</mail.refund.subject>
    <mail.refund.intro>По вашему платежу № {payment} возвращено</mail.refund.intro>
    <mail.refund.sms>Личный кабинет: по платежу № {payment} возвращено</mail.refund.sms>
    <mail.phone-changed.sms>Личный кабинет: ваш мобильный номер изменён на {phone}.</mail.phone-changed.sms>
    <mail.phone-rejected.sms>Личный кабинет: заявка на смену номера на {phone} отклонена. Причина: {reason}</mail.phone-rejected.sms>
    <mail.appeal-answer.subject>Ответ на обращение № {id}</mail.appeal-answer.subject>
    <mail.appeal-answer.intro>Организация ответила на ваше обращение № {id}.</mail.appeal-answer.intro>
    <mail.appeal-answer.read>Прочитать ответ:</mail.appeal-answer.read>
    <mail.appeal-answer.sms>Ответ на обращение № {id}:</mail.appeal-answer.sms>
    <mail.news.more>Все объявления:</mail.news.more>
    <mail.news.stop>Отказаться от новостей можно в разделе «Настройки» личного кабинета.</mail.news.stop>
    <mail.account>лицевой счёт</mail.account>
    <mail.hello>Здравствуйте!</mail.hello>
    <mail.signature>Личный кабинет абонента. Это письмо отправлено автоматически, отвечать на него не нужно.</mail.signature>
    <mail.receipt.subject>Квитанция за</mail.receipt.subject>
    <mail.receipt.intro>Сформирована квитанция за</mail.receipt.intro>
    <mail.receipt.attached>Квитанция с QR-кодом для оплаты — во вложении (PDF).</mail.receipt.attached>
    <mail.receipt.online>Её же можно открыть в личном кабинете:</mail.receipt.online>
    <mail.receipt.stop>Получать квитанции на бумаге вместо почты можно в разделе «Квитанции».</mail.receipt.stop>
    <mail.payment-succeeded.subject>Платёж зачислен</mail.payment-succeeded.subject>
    <mail.payment-succeeded.intro>Ваш платёж зачислен:</mail.payment-succeeded.intro>
    <mail.payment-failed.subject>Платёж не прошёл</mail.payment-failed.subject>
    <mail.payment-failed.intro>Платёж не прошёл:</mail.payment-failed.intro>
    <mail.autopay-succeeded.subject>Автоплатёж выполнен</mail.autopay-succeeded.subject>
    <mail.autopay-succeeded.intro>Выполнен автоплатёж:</mail.autopay-succeeded.intro>
    <mail.autopay-failed.subject>Автоплатёж не выполнен</mail.autopay-failed.subject>
    <mail.autopay-failed.intro>Автоплатёж не выполнен:</mail.autopay-failed.intro>
    <mail.payment.not-taken>Деньги не списаны. Оплатить можно в личном кабинете, в разделе «Платежи».</mail.payment.not-taken>
    <mail.payment-fiscal.subject>Кассовый чек по вашему платежу</mail.payment-fiscal.subject>
    <mail.payment-fiscal.intro>Кассовый чек по вашему платежу зарегистрирован.</mail.payment-fiscal.intro>
    <mail.sms.payment-fiscal>Чек по платежу:</mail.sms.payment-fiscal>
    <mail.fiscal>Кассовый чек</mail.fiscal>
    <mail.fiscal.fn>Номер фискального накопителя (ФН)</mail.fiscal.fn>
    <mail.fiscal.fd>Номер фискального документа (ФД)</mail.fiscal.fd>
    <mail.fiscal.fp>Фискальный признак (ФП)</mail.fiscal.fp>
    <mail.fiscal.check>Проверить у оператора фискальных данных</mail.fiscal.check>
    <mail.fiscal.fn-short>ФН</mail.fiscal.fn-short>
    <mail.fiscal.fd-short>ФД</mail.fiscal.fd-short>
    <mail.fiscal.fp-short>ФП</mail.fiscal.fp-short>
    <mail.payment.history>История платежей:</mail.payment.history>
    <mail.receipt-ready.subject>Новая квитанция за</mail.receipt-ready.subject>
    <mail.receipt-ready.view>Открыть квитанцию:</mail.receipt-ready.view>
    <mail.sms.receipt-ready>Квитанция за</mail.sms.receipt-ready>
    <mail.sms.to-pay>к оплате</mail.sms.to-pay>
    <mail.sms.payment-succeeded>Платёж зачислен:</mail.sms.payment-succeeded>
    <mail.sms.payment-failed>Платёж не прошёл:</mail.sms.payment-failed>
    <mail.sms.autopay-succeeded>Автоплатёж выполнен:</mail.sms.autopay-succeeded>
    <mail.sms.autopay-failed>Автоплатёж не выполнен:</mail.sms.autopay-failed>
    <mail.registered.sms>Личный кабинет: логин {login}, пароль {password}. Смените пароль после входа.</mail.registered.sms>
    <mail.recover-code.sms>Код для смены пароля: {code}. Никому его не сообщайте.</mail.recover-code.sms>
    <mail.signin-code.sms>Код для входа в личный кабинет: {code}. Никому его не сообщайте.</mail.signin-code.sms>
    <mail.confirm-email.subject>Подтвердите адрес почты</mail.confirm-email.subject>
    <mail.confirm-email.intro>Чтобы письма личного кабинета (логин {login}) приходили на этот адрес, откройте ссылку — она действует 24 часа:</mail.confirm-email.intro>
    <mail.confirm-email.ignore>Если вы не указывали этот адрес, просто удалите письмо.</mail.confirm-email.ignore>
    <mail.email-changed.subject>Адрес почты изменён</mail.email-changed.subject>
    <mail.email-changed.intro>Адрес почты личного кабинета (логин {login}) изменён на</mail.email-changed.intro>
    <mail.password-changed.subject>Пароль изменён</mail.password-changed.subject>
    <mail.password-changed.intro>Пароль личного кабинета (логин {login}) изменён, остальные сеансы завершены.</mail.password-changed.intro>
    <mail.new-sign-in.subject>Вход из нового браузера</mail.new-sign-in.subject>
    <mail.new-sign-in.intro>В личный кабинет (логин {login}) вошли из браузера, которого раньше не было: {browser}; адрес {ip}.</mail.new-sign-in.intro>
    <mail.two-factor-on.subject>Двухэтапный вход включён</mail.two-factor-on.subject>
    <mail.two-factor-on.intro>Для личного кабинета (логин {login}) включён двухэтапный вход: при входе нужен код из приложения.</mail.two-factor-on.intro>
    <mail.two-factor-off.subject>Двухэтапный вход выключен</mail.two-factor-off.subject>
    <mail.two-factor-off.intro>Для личного кабинета (логин {login}) выключен двухэтапный вход: для входа снова достаточно пароля.</mail.two-factor-off.intro>
    <mail.not-you>Если это сделали не вы, восстановите пароль и сообщите в организацию:</mail.not-you>
    <mail.recover-link.subject>Смена пароля</mail.recover-link.subject>
    <mail.recover-link.intro>Чтобы задать новый пароль личного кабинета (логин {login}), откройте ссылку — она действует 1 час и только один раз:</mail.recover-link.intro>
    <mail.recover-link.ignore>Если вы не просили сменить пароль, просто удалите письмо: пароль останется прежним.</mail.recover-link.ignore>
    <access.rights.view>Только просмотр: баланс, начисления, квитанции, платежи</access.rights.view>
    <access.rights.readings>Только передача показаний</access.rights.readings>
    <access.rights.pay>Просмотр и оплата</access.rights.pay>
    <access.rights.full>Всё, кроме приглашения других</access.rights.full>
    <access.rights.holder>Владелец</access.rights.holder>
    <mail.access-invite.subject>Доступ к лицевому счёту</mail.access-invite.subject>
    <mail.access-invite.intro>{holder} открывает вам доступ к лицевому счёту {number} в личном кабинете. Чтобы принять, войдите (или зарегистрируйтесь) и откройте ссылку — она действует 24 часа и только один раз:</mail.access-invite.intro>
    <mail.access-invite.sms>{holder} открывает вам доступ к счёту {number}:</mail.access-invite.sms>
    <mail.access-invite.ignore>Если вы не знаете, кто это, просто удалите письмо: без вас ничего не произойдёт.</mail.access-invite.ignore>
    <mail.access-invite.rights>Права:</mail.access-invite.rights>
    <mail.remind-balance.subject>Баланс ниже порога</mail.remind-balance.subject>
    <mail.remind.balance>Баланс лицевого счёта</mail.remind.balance>
    <mail.remind.under>ниже порога, который вы задали:</mail.remind.under>
    <mail.access-invite.join>Ещё нет логина? Создайте его по приглашению:</mail.access-invite.join>
  </xsl:template>

  <xsl:template name="messages-ru-appeals">
    <ap.requests>Заявки на услуги</ap.requests>
    <ap.request>Заявка</ap.request>
    <ap.absence-hint>Приложите документ, подтверждающий отсутствие (билет, справку с места пребывания).</ap.absence-hint>
    <rq.choices>
      <c of="action" v="on">Подключить</c><c of="action" v="off">Отключить</c>
      <c of="work" v="verification">Поверка</c><c of="work" v="replacement">Замена</c>
      <c of="change" v="owner">Собственник</c><c of="change" v="residents">Число проживающих</c>
    </rq.choices>
    <error.request-fields>Заполните поля заявки.</error.request-fields>
    <error.date-past>Дата не может быть в прошлом.</error.date-past>
    <error.date-old>Отсутствие, начавшееся больше трёх лет назад, не пересчитывается.</error.date-old>
    <error.absence-period>Окончание должно быть позже начала, в пределах года.</error.absence-period>
    <error.document-required>Приложите документ, подтверждающий отсутствие.</error.document-required>
    <error.meter-account>Выберите счётчик выбранного лицевого счёта.</error.meter-account>
    <error.date-window>Выберите дату в ближайшие три месяца.</error.date-window>
    <field.action>Выберите: подключить или отключить.</field.action>
    <field.phone>Номер мобильного телефона, например +7 912 345-67-89.</field.phone>
    <field.start_on>Дата, например 2026-12-15.</field.start_on>
    <field.day>Число от 1 до 28.</field.day>
    <field.from_on>Дата, например 2026-12-15.</field.from_on>
    <field.to_on>Дата, например 2026-12-15.</field.to_on>
    <field.meter>Выберите счётчик.</field.meter>
    <field.work>Выберите: поверка или замена.</field.work>
    <field.preferred_on>Дата, например 2026-12-15.</field.preferred_on>
    <field.change>Выберите, что меняется.</field.change>
    <field.new_owner>ФИО нового собственника.</field.new_owner>
    <field.residents>Число от 0 до 50.</field.residents>
    <ct.phone>Телефон</ct.phone>
    <ct.email>Почта</ct.email>
    <ct.offices>Офисы</ct.offices>
    <ct.no-offices>Офисы не указаны.</ct.no-offices>
    <ct.hours>Часы приёма</ct.hours>
    <ct.yours>Ваш офис</ct.yours>
    <ct.yours-for>Для лицевого счёта</ct.yours-for>
    <ct.questions>Вопросы и ответы</ct.questions>
    <ct.forms>Бланки заявлений</ct.forms>
    <ct.kb>КБ</ct.kb>
    <ct.rules>Правила обслуживания</ct.rules>
    <ct.none>Организации не указаны.</ct.none>
    <ct.site-map>Карта сайта</ct.site-map>
    <ct.map>
      <i href="/">Главная</i><i href="/accounts">Лицевые счета</i><i href="/services">Услуги</i>
      <i href="/readings">Показания</i><i href="/payments">Платежи</i><i href="/receipts">Квитанции</i>
      <i href="/calculator">Калькулятор</i><i href="/appeals">Обращения</i><i href="/news">Новости</i>
      <i href="/inbox">Сообщения</i><i href="/settings">Настройки</i><i href="/contacts">Контакты и помощь</i>
      <i href="/login">Вход</i><i href="/register">Регистрация</i><i href="/recover">Забыли пароль?</i>
    </ct.map>
    <news.all>Все объявления</news.all>
    <inbox.title>Сообщения</inbox.title>
    <inbox.intro>Всё, что мы отправили вам по почте или в SMS, есть и здесь, новые сверху.</inbox.intro>
    <inbox.none>Сообщений пока нет.</inbox.none>
    <inbox.news>Объявления организации — в разделе «Новости»</inbox.news>
    <inbox.older>Более ранние сообщения</inbox.older>
    <inbox.all>Все сообщения</inbox.all>
    <ap.read-all>Отметить всё прочитанным</ap.read-all>
    <ap.done.read>Всё отмечено прочитанным.</ap.done.read>
    <news.title>Новости</news.title>
    <news.none>Объявлений пока нет.</news.none>
    <news.intro>Объявления организаций, в которых у вас лицевые счета.</news.intro>
    <cancel>Отмена</cancel>
    <ap.title>Обращения</ap.title>
    <ap.new>Новое обращение</ap.new>
    <ap.one>Обращение</ap.one>
    <ap.intro>Напишите организации о своём лицевом счёте: вопрос, жалобу или заявку. Можно приложить фотографии или документы.</ap.intro>
    <ap.number>Номер</ap.number>
    <ap.topic>Тема</ap.topic>
    <ap.account>Лицевой счёт</ap.account>
    <ap.status>Состояние</ap.status>
    <ap.updated>Изменено</ap.updated>
    <ap.unread>новое</ap.unread>
    <ap.none>Обращений пока нет.</ap.none>
    <ap.no-accounts>Чтобы написать обращение, сначала добавьте лицевой счёт.</ap.no-accounts>
    <ap.choose>Выберите тему</ap.choose>
    <ap.text>Текст обращения</ap.text>
    <ap.files>Файлы</ap.files>
    <ap.files-hint>До 5 файлов JPEG, PNG или PDF, каждый не больше 10 МБ.</ap.files-hint>
    <ap.file-named>Файл:</ap.file-named>
    <ap.send>Отправить</ap.send>
    <ap.you>Вы</ap.you>
    <ap.organization>Организация</ap.organization>
    <ap.kb>КБ</ap.kb>
    <ap.reply>Ваш ответ</ap.reply>
    <ap.close>Закрыть обращение</ap.close>
    <ap.reopen>Открыть снова</ap.reopen>
    <ap.closed-note>Обращение закрыто. Его можно открыть снова в течение 14 дней.</ap.closed-note>
    <ap.unsent>Ваш неотправленный текст</ap.unsent>
    <ap.all>Все обращения</ap.all>
    <ap.done.sent>Обращение отправлено. Ответ придёт сюда, а уведомление — на почту.</ap.done.sent>
    <ap.done.replied>Ответ отправлен.</ap.done.replied>
    <ap.done.closed>Обращение закрыто.</ap.done.closed>
    <ap.done.reopened>Обращение открыто снова.</ap.done.reopened>
    <error.appeals-per-day>Сегодня отправлено уже 5 обращений. Новое можно будет отправить завтра.</error.appeals-per-day>
    <error.topic-account>Эта тема не относится к организации выбранного лицевого счёта.</error.topic-account>
    <error.files-many>Можно приложить не больше 5 файлов.</error.files-many>
    <error.file-large>Файл больше 10 МБ.</error.file-large>
    <error.file-empty>Файл пустой.</error.file-empty>
    <error.file-type>Принимаются только JPEG, PNG и PDF; этот файл не из них, как бы он ни назывался.</error.file-type>
    <error.file-dimensions>Изображение слишком большое (больше 10 000 точек по стороне или 40 мегапикселей) или повреждено.</error.file-dimensions>
    <error.file-twice>Этот файл уже приложен.</error.file-twice>
    <error.appeal-closed>Обращение закрыто: откройте его снова, чтобы написать.</error.appeal-closed>
    <error.appeal-not-reopenable>Прошло больше 14 дней после закрытия: напишите новое обращение.</error.appeal-not-reopenable>
  </xsl:template>
  <xsl:template name="messages-ru-settings">
    <error.tf-no-phone>Для кодов в SMS нужен номер мобильного телефона в профиле.</error.tf-no-phone>
    <tf.title>Двухэтапный вход</tf.title>
    <tf.intro>При входе, кроме пароля, будет нужен код из приложения-аутентификатора (Google Authenticator, Яндекс Ключ, FreeOTP и другие) на телефоне или из SMS.</tf.intro>
    <tf.is-on>Двухэтапный вход включён.</tf.is-on>
    <tf.is-off>Двухэтапный вход выключен.</tf.is-off>
    <tf.codes-left>Неиспользованных кодов восстановления:</tf.codes-left>
    <tf.turn-on>Включить</tf.turn-on>
    <tf.turn-off>Выключить</tf.turn-off>
    <tf.code-or-recovery>Код из приложения или код восстановления</tf.code-or-recovery>
    <tf.scan>Отсканируйте QR-код приложением-аутентификатором или введите в нём ключ, затем введите код, который покажет приложение.</tf.scan>
    <tf.qr>QR-код для приложения-аутентификатора</tf.qr>
    <tf.secret>Ключ:</tf.secret>
    <tf.first-code>Код из приложения</tf.first-code>
    <tf.confirm>Подтвердить</tf.confirm>
    <tf.done-on>Двухэтапный вход включён.</tf.done-on>
    <tf.done-off>Двухэтапный вход выключен.</tf.done-off>
    <tf.codes>Коды восстановления</tf.codes>
    <tf.codes-hint>Сохраните их: каждый код можно один раз ввести вместо кода из приложения, если телефона нет под рукой. Больше они не будут показаны.</tf.codes-hint>
    <tf.continue>Готово</tf.continue>
    <tf.method>Как получать код</tf.method>
    <tf.method-app>Приложение-аутентификатор: работает без связи, надёжнее SMS</tf.method-app>
    <tf.method-sms>SMS на номер, оканчивающийся на {end}</tf.method-sms>
    <tf.no-phone>Чтобы получать коды в SMS, укажите номер мобильного телефона в профиле.</tf.no-phone>
    <tf.by-sms>Коды приходят в SMS на номер, оканчивающийся на {end}.</tf.by-sms>
    <tf.sms-or-recovery>Код из SMS или код восстановления</tf.sms-or-recovery>
    <tf.send-code>Отправить код в SMS</tf.send-code>
    <tf.sms-enter>Мы отправили код в SMS на номер, оканчивающийся на {end}. Введите его, чтобы включить двухэтапный вход.</tf.sms-enter>
    <tf.sms-code>Код из SMS</tf.sms-code>
    <tf.resend>Отправить код ещё раз</tf.resend>
    <settings.title>Настройки</settings.title>
    <settings.profile>Личные данные</settings.profile>
    <settings.login>Логин</settings.login>
    <settings.full-name>ФИО</settings.full-name>
    <settings.email>Электронная почта</settings.email>
    <settings.no-email>не указана</settings.no-email>
    <settings.change-email>Изменить адрес</settings.change-email>
    <settings.pending-email>Ждёт подтверждения:</settings.pending-email>
    <settings.mobile>Мобильный телефон</settings.mobile>
    <settings.mobile-hint>На него приходят пароли и коды. Новый номер вступит в силу, когда его подтвердит организация.</settings.mobile-hint>
    <settings.pending-mobile>Заявка на смену номера принята, ждёт обработки:</settings.pending-mobile>
    <settings.landline>Домашний телефон</settings.landline>
    <settings.landline-hint>Необязательно.</settings.landline-hint>
    <settings.save>Сохранить</settings.save>
    <settings.security>Безопасность</settings.security>
    <settings.change-password>Сменить пароль</settings.change-password>
    <settings.sessions>Активные сеансы</settings.sessions>
    <settings.notifications>Уведомления</settings.notifications>
    <settings.topic>О чём</settings.topic>
    <settings.by-email>Почта</settings.by-email>
    <settings.by-sms>SMS</settings.by-sms>
    <settings.topic.receipt>Новая квитанция</settings.topic.receipt>
    <settings.topic.payment>Результат платежа</settings.topic.payment>
    <settings.topic.autopay>Автоплатёж</settings.topic.autopay>
    <settings.topic.news>Новости организации</settings.topic.news>
    <settings.topic.appeal>Ответы на обращения</settings.topic.appeal>
    <settings.topic.reminder>Напоминания: показания, срок оплаты, поверка</settings.topic.reminder>
    <settings.ereceipts>Электронная квитанция</settings.ereceipts>
    <settings.ereceipts-intro>Квитанция в PDF на почту вместо бумажной.</settings.ereceipts-intro>
    <settings.ereceipt-on>Приходит на почту</settings.ereceipt-on>
    <settings.ereceipt-off>Бумажная</settings.ereceipt-off>
    <settings.ereceipt-turn-on>Получать на почту</settings.ereceipt-turn-on>
    <settings.ereceipt-turn-off>Получать на бумаге</settings.ereceipt-turn-off>
    <settings.no-accounts>Лицевых счетов пока нет.</settings.no-accounts>
    <settings.language>Язык</settings.language>
    <settings.language-hint>Язык страниц и писем.</settings.language-hint>
    <settings.done.profile>Личные данные сохранены.</settings.done.profile>
    <settings.done.notifications>Настройки уведомлений сохранены.</settings.done.notifications>
    <settings.done.ereceipt>Способ получения квитанций изменён.</settings.done.ereceipt>
    <settings.done.lang>Язык изменён.</settings.done.lang>
    <settings.done.password>Пароль изменён. Остальные сеансы завершены, на почту отправлено уведомление.</settings.done.password>
    <settings.done.email-sent>На новый адрес отправлена ссылка для подтверждения. Адрес изменится, когда вы её откроете.</settings.done.email-sent>
    <password.title>Смена пароля</password.title>
    <password.current>Текущий пароль</password.current>
    <password.submit>Сменить пароль</password.submit>
    <password.note>После смены пароля все остальные сеансы завершатся.</password.note>
    <email.title>Смена адреса почты</email.title>
    <email.current>Сейчас:</email.current>
    <email.new>Новый адрес</email.new>
    <email.note>На новый адрес придёт ссылка; он заменит старый, когда вы её откроете. Старый адрес получит уведомление.</email.note>
    <email.submit>Отправить ссылку</email.submit>
    <sessions.title>Активные сеансы</sessions.title>
    <sessions.started>Начат</sessions.started>
    <sessions.last>Последнее действие</sessions.last>
    <sessions.address>Адрес</sessions.address>
    <sessions.browser>Браузер</sessions.browser>
    <sessions.this>этот сеанс</sessions.this>
    <sessions.end>Завершить</sessions.end>
    <sessions.ended>Сеанс завершён: на том устройстве нужно будет войти заново.</sessions.ended>
    <sessions.on>на</sessions.on>
    <sessions.unknown>Неизвестный браузер</sessions.unknown>
    <sessions.end-all>Выйти на всех устройствах</sessions.end-all>
    <back.settings>К настройкам</back.settings>
    <cancel>Отмена</cancel>
    <field.full_name>ФИО — от 2 до 200 символов.</field.full_name>
    <field.landline>Номер телефона, например +7 495 123-45-67, или пусто.</field.landline>
    <field.mobile>Номер мобильного телефона, например +7 912 345-67-89.</field.mobile>
    <field.current_password>Введите текущий пароль.</field.current_password>
    <field.new_password>Введите новый пароль.</field.new_password>
    <field.confirm_password>Повторите новый пароль.</field.confirm_password>
    <field.email>Адрес почты в виде name@example.ru.</field.email>
    <pw.new>Новый пароль</pw.new>
    <pw.confirm>Новый пароль ещё раз</pw.confirm>
    <pw.rules>Не короче 12 символов и трудно угадать: без логина, имени и адреса, без распространённых слов, повторов и рядов клавиш. Удобно взять несколько слов через пробел.</pw.rules>
    <error.form-invalid>Проверьте отмеченные поля.</error.form-invalid>
    <error.wrong-password>Текущий пароль неверен.</error.wrong-password>
    <error.locked>Слишком много неудачных попыток. Попробуйте снова через 15 минут.</error.locked>
    <error.email-same>Это уже ваш адрес.</error.email-same>
    <error.password-short>Пароль должен быть не короче 12 символов.</error.password-short>
    <error.password-login>Пароль не должен совпадать с логином.</error.password-login>
    <error.password-common>Этот пароль слишком распространён: его подбирают первым. Выберите другой.</error.password-common>
    <error.password-personal>Пароль легко угадать: в нём ваш логин, имя, телефон или адрес почты. Выберите другой.</error.password-personal>
    <error.password-words>Пароль легко угадать: он из распространённых слов или паролей. Добавьте ещё слова или возьмите фразу подлиннее.</error.password-words>
    <error.password-repeats>Пароль легко угадать: в нём повторяется одно и то же. Выберите другой.</error.password-repeats>
    <error.password-sequence>Пароль легко угадать: в нём последовательность вроде 12345 или abcde. Выберите другой.</error.password-sequence>
    <error.password-keyboard>Пароль легко угадать: это соседние клавиши, как qwerty. Выберите другой.</error.password-keyboard>
    <error.password-date>Пароль легко угадать: в нём дата или год. Выберите другой.</error.password-date>
    <error.password-guessable>Пароль легко угадать. Возьмите несколько слов через пробел.</error.password-guessable>
    <error.password-mismatch>Пароли не совпадают.</error.password-mismatch>
  </xsl:template>

  <xsl:template name="messages-ru-admin">
    <adm.f.month_days_x10>Лимиты тарифа за часть месяца (если тариф не указывает)</adm.f.month_days_x10>
    <adm.month-days.own>По числу дней месяца</adm.month-days.own>
    <adm.month-days.305>По дням / 30,5</adm.month-days.305>
    <adm.promise>Обещанный платёж</adm.promise>
    <adm.promise.hint>Интернет абонента, приостановленный за долг, можно включить на столько дней раз в календарный месяц, пока долг не больше предела. 0 дней — не предлагается.</adm.promise.hint>
    <adm.f.promise_days>Дней</adm.f.promise_days>
    <adm.f.promise_limit>Наибольший долг</adm.f.promise_limit>
    <adm.title.topics>Темы обращений</adm.title.topics>
    <adm.topic.request>заявка</adm.topic.request>
    <adm.topic.retired>снята</adm.topic.retired>
    <adm.topic.rename>Переименовать</adm.topic.rename>
    <adm.topic.retire>Снять со списка</adm.topic.retire>
    <adm.topic.restore>Вернуть в список</adm.topic.restore>
    <adm.topic.add>Добавить тему</adm.topic.add>
    <adm.topic.plain>Обычное обращение (без полей)</adm.topic.plain>
    <adm.topic.form.meter>Поверка или замена счётчика</adm.topic.form.meter>
    <adm.topic.form.sms-info>SMS-информирование</adm.topic.form.sms-info>
    <adm.topic.form.due-date>Перенос срока оплаты</adm.topic.form.due-date>
    <adm.topic.form.absence>Перерасчёт за время отсутствия</adm.topic.form.absence>
    <adm.topic.form.owner>Смена собственника или числа проживающих</adm.topic.form.owner>
    <adm.f.name_ru>Название (по-русски)</adm.f.name_ru>
    <adm.f.name_en>Название (по-английски)</adm.f.name_en>
    <adm.f.topic_code>Код (латиница, цифры, дефисы)</adm.f.topic_code>
    <adm.f.form>Её поля</adm.f.form>
    <adm.done.topic-added>Тема добавлена в список.</adm.done.topic-added>
    <adm.done.topic-renamed>Тема переименована.</adm.done.topic-renamed>
    <adm.done.topic-retired>Тема снята со списка; написанные обращения её сохраняют.</adm.done.topic-retired>
    <adm.done.topic-restored>Тема возвращена в список.</adm.done.topic-restored>
    <error.topic-code-taken>У организации уже есть тема с таким кодом.</error.topic-code-taken>
    <adm.ap.files>Файлы для абонента (необязательно)</adm.ap.files>
    <adm.ap.files-hint>До 5 файлов: JPEG, PNG или PDF, по 10 МБ.</adm.ap.files-hint>
    <error.files-many>Можно приложить не больше 5 файлов.</error.files-many>
    <error.file-type>Принимаются только JPEG, PNG и PDF; этот файл не из них, как бы он ни назывался.</error.file-type>
    <error.file-dimensions>Изображение слишком большое (больше 10 000 точек по стороне или 40 мегапикселей) или повреждено.</error.file-dimensions>
    <adm.title.help>Контакты и помощь</adm.title.help>
    <adm.help.see>Посмотреть страницу глазами абонента</adm.help.see>
    <adm.help.questions>Вопросы и ответы</adm.help.questions>
    <adm.help.none>Пока нет.</adm.help.none>
    <adm.help.add-question>Добавить вопрос</adm.help.add-question>
    <adm.help.forms>Бланки заявлений</adm.help.forms>
    <adm.help.kb>КБ</adm.help.kb>
    <adm.help.file>Бланк (PDF, до 10 МБ)</adm.help.file>
    <adm.help.add-form>Загрузить бланк</adm.help.add-form>
    <adm.help.rules>Правила обслуживания</adm.help.rules>
    <adm.f.question_ru>Вопрос (по-русски)</adm.f.question_ru>
    <adm.f.answer_ru>Ответ (по-русски)</adm.f.answer_ru>
    <adm.f.question_en>Вопрос (по-английски)</adm.f.question_en>
    <adm.f.answer_en>Ответ (по-английски)</adm.f.answer_en>
    <adm.f.rules_ru>Правила (по-русски)</adm.f.rules_ru>
    <adm.f.rules_en>Правила (по-английски)</adm.f.rules_en>
    <adm.done.question-added>Вопрос добавлен на страницу контактов.</adm.done.question-added>
    <adm.done.form-added>Бланк добавлен на страницу контактов.</adm.done.form-added>
    <adm.done.rules-saved>Правила сохранены.</adm.done.rules-saved>
    <adm.done.deleted>Удалено.</adm.done.deleted>
    <error.form-pdf>Принимается только PDF, как бы ни назывался файл.</error.form-pdf>
    <error.file-missing>Выберите файл.</error.file-missing>
    <error.file-large>Файл больше 10 МБ.</error.file-large>
    <error.file-empty>Файл пустой.</error.file-empty>
    <error.file-twice>Этот файл уже загружен.</error.file-twice>
    <imp.err.bank-details>Банковские реквизиты поставщика не проходят проверку (контрольные ключи, контрольные цифры или длина для QR-кода оплаты):</imp.err.bank-details>
    <imp.kind.charge_lines>Объёмы за месяц по зонам и диапазонам</imp.kind.charge_lines>
    <imp.kind.connections>Подключения к интернету</imp.kind.connections>
    <imp.kind.objects>Охраняемые объекты</imp.kind.objects>
    <imp.kind.events>События охраны</imp.kind.events>
    <imp.kind.usage>Звонки и сеансы</imp.kind.usage>
    <imp.err.no-object>Нет охраняемого объекта этого счёта и услуги: сначала загрузите файл объектов</imp.err.no-object>
    <imp.err.ip-address>Это не адрес IPv4 или IPv6</imp.err.ip-address>
    <imp.err.number-required>У звонка должен быть номер, на который или с которого звонили</imp.err.number-required>
    <imp.err.no-charge>У лицевого счёта нет начисления по этой услуге за этот месяц: сначала загрузите файл начислений.</imp.err.no-charge>
    <imp.err.line-arithmetic>Сумма не равна объёму, умноженному на тариф; получается</imp.err.line-arithmetic>
    <imp.err.lines-quantity>Строки этой услуги за месяц дают в сумме не тот объём, что в файле начислений; там</imp.err.lines-quantity>
    <imp.err.lines-charge>Строки этой услуги за месяц дают в сумме не ту сумму начисления, что в файле начислений; там</imp.err.lines-charge>
    <imp.kind.tariff_limits>Границы ступеней по числу жильцов, сезону, электроотоплению</imp.kind.tariff_limits>
    <imp.err.unknown-version>Версии тарифа с этим началом нет: сначала загрузите файл тарифов.</imp.err.unknown-version>
    <imp.err.plain-limit>Обычная граница (одно из четырёх домохозяйств, любое число жильцов, любой сезон) задаётся в файле тарифов, в его столбцах границ.</imp.err.plain-limit>
    <imp.kind.tariffs>Тарифы</imp.kind.tariffs>
    <imp.err.plan-differs>Столбцы тарифа (услуга, названия, зоны) расходятся с его первой строкой в файле, строкой</imp.err.plan-differs>
    <imp.err.version-differs>Столбцы версии тарифа (срок, ступени, НДС) расходятся с её первой строкой в файле, строкой</imp.err.version-differs>
    <imp.err.grid>Цены версии заданы не для всех ступеней и зон; строк нужно</imp.err.grid>
    <imp.err.overlap>Срок версии пересекается с другой версией этого тарифа, начинающейся</imp.err.overlap>
    <imp.err.period>Срок кончается раньше, чем начинается.</imp.err.period>
    <imp.err.tier-range>Номер ступени больше числа ступеней версии.</imp.err.tier-range>
    <imp.err.zone-range>Номер зоны больше числа зон тарифа.</imp.err.zone-range>
    <imp.err.limits-required>Для ступени, кроме последней, нужны верхние границы для всех четырёх видов домохозяйств.</imp.err.limits-required>
    <adm.title.export>Выгрузка для биллинга</adm.title.export>
    <field.what>Выберите, что выгрузить.</field.what>
    <field.format>CSV или XLSX.</field.format>
    <error.period-order>Конец периода раньше начала.</error.period-order>
    <exp.what>Что выгрузить</exp.what>
    <exp.readings>Показания, принятые за период (в формате загрузки показаний)</exp.readings>
    <exp.payments>Платежи через кабинет (в формате загрузки платежей)</exp.payments>
    <exp.contacts>Изменения контактов абонентов</exp.contacts>
    <exp.promises>Обещанные платежи (какие подключения включить)</exp.promises>
    <exp.format>Формат</exp.format>
    <exp.hint>CSV в UTF-8, разделитель запятая, дробная часть через точку. Файл собирается по мере чтения, размер не ограничен.</exp.hint>
    <exp.do>Скачать</exp.do>
    <adm.f.key_name>Название ключа</adm.f.key_name>
    <field.key_name>Название: от 2 до 100 символов.</field.key_name>
    <adm.title.api-keys>Ключи API</adm.title.api-keys>
    <adm.done.revoked>Ключ отозван: с ним больше нельзя войти в API.</adm.done.revoked>
    <adm.f.rate>Запросов в минуту</adm.f.rate>
    <field.rate>Целое число от 1 до 6000.</field.rate>
    <error.scopes-required>Выберите хотя бы одно право.</error.scopes-required>
    <key.new>Новый ключ</key.new>
    <key.once>Скопируйте его сейчас: он показан один раз, храним мы только его хеш.</key.once>
    <key.list>Ключи организации</key.list>
    <key.none>Ключей ещё нет.</key.none>
    <key.col.name>Название</key.col.name>
    <key.col.scopes>Права</key.col.scopes>
    <key.col.used>Последнее обращение</key.col.used>
    <key.col.actions>Действия</key.col.actions>
    <key.per-minute>запросов в минуту</key.per-minute>
    <key.never>ещё не было</key.never>
    <key.revoked>отозван</key.revoked>
    <key.do.revoke>Отозвать</key.do.revoke>
    <key.create>Создать ключ</key.create>
    <key.do.create>Создать</key.do.create>
    <error.required>Заполните поле.</error.required>
    <adm.title.exchange>Обмен с биллингом</adm.title.exchange>
    <adm.title.import>Загрузка</adm.title.import>
    <adm.title.import-report>Ошибки загрузки</adm.title.import-report>
    <adm.done.apply>Загрузка поставлена на применение: программа загрузки применит её целиком в одной транзакции.</adm.done.apply>
    <adm.done.not-checked>Применить можно только проверенную загрузку без ошибок.</adm.done.not-checked>
    <field.kind>Выберите, что в файле.</field.kind>
    <imp.upload>Загрузить файл</imp.upload>
    <imp.f.kind>Что в файле</imp.f.kind>
    <imp.f.file>Файл CSV</imp.f.file>
    <imp.choose>— выберите —</imp.choose>
    <imp.hint>CSV в UTF-8 или Windows-1251, разделитель запятая, точка с запятой или табуляция, дробная часть через точку или запятую. Сначала файл проверяется: вы увидите, что изменится, и только потом примените его.</imp.hint>
    <imp.do.upload>Загрузить и проверить</imp.do.upload>
    <imp.history>Загрузки</imp.history>
    <imp.none>Загрузок ещё не было.</imp.none>
    <imp.col.file>Файл</imp.col.file>
    <imp.col.status>Состояние</imp.col.status>
    <imp.col.counts>Строки</imp.col.counts>
    <imp.col.who>Кто и когда</imp.col.who>
    <imp.col.line>Строка</imp.col.line>
    <imp.col.column>Столбец</imp.col.column>
    <imp.col.value>Значение</imp.col.value>
    <imp.col.message>Ошибка</imp.col.message>
    <imp.col.key>Запись</imp.col.key>
    <imp.col.change>Изменение</imp.col.change>
    <imp.templates>Шаблоны файлов</imp.templates>
    <imp.templates.hint>Первая строка файла — названия столбцов; порядок любой, необязательные столбцы можно не указывать. Подробно — в docs/exchange.md.</imp.templates.hint>
    <imp.n.new>новых</imp.n.new>
    <imp.n.changed>изменится</imp.n.changed>
    <imp.n.unchanged>без изменений</imp.n.unchanged>
    <imp.n.refused>с ошибками</imp.n.refused>
    <imp.back>← Все загрузки</imp.back>
    <imp.format>Кодировка и разделитель</imp.format>
    <imp.progress>Выполнение</imp.progress>
    <imp.of>из</imp.of>
    <imp.rows>строк</imp.rows>
    <imp.per-second>строк в секунду</imp.per-second>
    <imp.left>осталось около</imp.left>
    <imp.seconds>с</imp.seconds>
    <imp.refreshes>Страница обновляется сама каждые 3 секунды, пока идёт загрузка.</imp.refreshes>
    <imp.still>Не обновлять</imp.still>
    <imp.failed>Загрузка не завершилась: ничего не изменено. Её можно запустить снова.</imp.failed>
    <imp.dry-run>Проверка: что изменится</imp.dry-run>
    <imp.applied>Применено</imp.applied>
    <imp.first-changes>Первые изменения</imp.first-changes>
    <imp.new-row>новая запись</imp.new-row>
    <imp.do.apply>Применить</imp.do.apply>
    <imp.apply.hint>Файл применяется целиком или не применяется вовсе; повторная загрузка того же файла ничего не меняет.</imp.apply.hint>
    <imp.problems>Ошибки в строках</imp.problems>
    <imp.kind.accounts>Лицевые счета</imp.kind.accounts>
    <imp.kind.services>Услуги и поставщики</imp.kind.services>
    <imp.kind.meters>Счётчики</imp.kind.meters>
    <imp.kind.charges>Начисления за месяц</imp.kind.charges>
    <imp.kind.payments>Платежи</imp.kind.payments>
    <imp.kind.readings>Показания</imp.kind.readings>
    <imp.status.uploading>загружается</imp.status.uploading>
    <imp.status.queued>в очереди</imp.status.queued>
    <imp.status.checking>проверяется</imp.status.checking>
    <imp.status.refused>есть ошибки</imp.status.refused>
    <imp.status.checked>проверено, ждёт применения</imp.status.checked>
    <imp.status.applying>применяется</imp.status.applying>
    <imp.status.applied>применено</imp.status.applied>
    <imp.status.failed>не завершилось</imp.status.failed>
    <imp.err.required>Пустое значение в обязательном столбце.</imp.err.required>
    <imp.err.encoding>Текст не в кодировке файла.</imp.err.encoding>
    <imp.err.too-long>Слишком длинное значение.</imp.err.too-long>
    <imp.err.text>Недопустимые символы.</imp.err.text>
    <imp.err.number>Номер лицевого счёта: только буквы и цифры.</imp.err.number>
    <imp.err.code>Код: латинские буквы, цифры, дефис.</imp.err.code>
    <imp.err.email>Не похоже на адрес электронной почты.</imp.err.email>
    <imp.err.inn>ИНН: 10 или 12 цифр.</imp.err.inn>
    <imp.err.choice>Значение не из списка, допустимого для столбца.</imp.err.choice>
    <imp.err.integer>Нужно целое число.</imp.err.integer>
    <imp.err.range>Число вне допустимых пределов.</imp.err.range>
    <imp.err.decimal>Нужно число (дробная часть через точку или запятую).</imp.err.decimal>
    <imp.err.money>Нужна сумма, например 1234,56.</imp.err.money>
    <imp.err.date>Нужна дата: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.</imp.err.date>
    <imp.err.month>Нужен месяц: ГГГГ-ММ или ММ.ГГГГ.</imp.err.month>
    <imp.err.stamp>Нужны дата и, если есть, время ЧЧ:ММ.</imp.err.stamp>
    <imp.err.roll-forward>Не сходится сальдо: входящее + начислено + перерасчёт + пени − оплачено должно быть равно исходящему; получается</imp.err.roll-forward>
    <imp.err.reason-required>Для перерасчёта нужна причина.</imp.err.reason-required>
    <imp.err.columns>Число столбцов в строке не совпадает с заголовком; в заголовке</imp.err.columns>
    <imp.err.unknown-column>Неизвестный столбец в заголовке.</imp.err.unknown-column>
    <imp.err.column-twice>Столбец указан в заголовке дважды.</imp.err.column-twice>
    <imp.err.missing-column>В заголовке нет обязательного столбца.</imp.err.missing-column>
    <imp.err.line-too-long>Строка длиннее 64 КБ: файл дальше не читается (незакрытые кавычки?).</imp.err.line-too-long>
    <imp.err.quote>Незакрытые кавычки: файл дальше не читается.</imp.err.quote>
    <imp.err.unreadable>Файл не читается дальше этой строки.</imp.err.unreadable>
    <imp.err.empty>Файл пуст.</imp.err.empty>
    <imp.err.duplicate>Эта запись уже есть в файле выше, в строке</imp.err.duplicate>
    <imp.err.unknown-account>Такого лицевого счёта нет у организации.</imp.err.unknown-account>
    <imp.err.unknown-service>Такой услуги нет у организации.</imp.err.unknown-service>
    <imp.err.unknown-meter>Такого счётчика на этом лицевом счёте нет.</imp.err.unknown-meter>
    <imp.err.zone>У счётчика меньше зон; зон у него:</imp.err.zone>
    <imp.err.decimals>Больше знаков после запятой, чем у счётчика; у него:</imp.err.decimals>
    <imp.err.digits>Больше разрядов, чем у счётчика; целых разрядов:</imp.err.digits>
    <imp.err.conflict>Платёж с этим номером уже загружен с другой суммой или на другой счёт; платёж №</imp.err.conflict>
    <imp.err.internal>Внутренняя ошибка проверки.</imp.err.internal>
    <adm.f.short_name>Краткое название (его несёт QR-код квитанции)</adm.f.short_name>
    <adm.offices>Офисы приёма абонентов</adm.offices>
    <adm.no-offices>Офисы не указаны.</adm.no-offices>
    <adm.do.delete>Удалить</adm.do.delete>
    <adm.do.add-office>Добавить офис</adm.do.add-office>
    <adm.f.office_address>Адрес офиса</adm.f.office_address>
    <adm.f.office_hours>Часы приёма</adm.f.office_hours>
    <adm.f.office_email>Электронная почта</adm.f.office_email>
    <adm.f.office_serves>Район: адреса, начинающиеся с (необязательно)</adm.f.office_serves>
    <adm.office-serves>район:</adm.office-serves>
    <adm.f.office_phone>Телефон офиса</adm.f.office_phone>
    <adm.done.office-added>Офис добавлен.</adm.done.office-added>
    <adm.done.office-deleted>Офис удалён.</adm.done.office-deleted>
    <field.short_name>Краткое название: от 2 до 60 символов.</field.short_name>
    <field.office_address>Адрес: от 5 до 300 символов.</field.office_address>
    <field.office_hours>Часы приёма, например «пн–пт 9:00–18:00».</field.office_hours>
    <field.office_phone>Телефон: от 5 до 100 символов.</field.office_phone>
    <adm.title.member>Сотрудник</adm.title.member>
    <adm.do.view-as>Посмотреть как абонент</adm.do.view-as>
    <adm.done.blocked>Абонент заблокирован: смотреть его кабинет нельзя.</adm.done.blocked>
    <adm.title.readings>Показания на проверке</adm.title.readings>
    <adm.readings.intro>Показания, которые намного больше обычного расхода, ждут проверки: примите или отклоните с причиной — абонент получит сообщение.</adm.readings.intro>
    <adm.readings.previous>предыдущее</adm.readings.previous>
    <adm.readings.consumed>расход</adm.readings.consumed>
    <adm.readings.enter>Показания контролёра</adm.readings.enter>
    <adm.no-readings>Показаний на проверке нет.</adm.no-readings>
    <adm.do.accept>Принять</adm.do.accept>
    <adm.f.meter>Номер счётчика</adm.f.meter>
    <adm.f.zone>Тарифная зона (1–3)</adm.f.zone>
    <adm.f.value>Показание</adm.f.value>
    <adm.f.taken_on>Дата снятия</adm.f.taken_on>
    <adm.done.accepted>Показание принято, абоненту отправлено сообщение.</adm.done.accepted>
    <adm.done.reading-rejected>Показание отклонено, абоненту отправлено сообщение.</adm.done.reading-rejected>
    <adm.done.entered>Показание контролёра записано.</adm.done.entered>
    <error.unknown-meter>Такого счётчика на этом лицевом счёте нет.</error.unknown-meter>
    <error.bad-reading>Не больше знаков после запятой, чем у счётчика.</error.bad-reading>
    <error.whole-reading>Этот счётчик показывает целые числа.</error.whole-reading>
    <field.meter>Номер счётчика.</field.meter>
    <field.zone>Зона: 1, 2 или 3.</field.zone>
    <field.value>Показание, например 12345 или 123,456.</field.value>
    <field.taken_on>Дата, например 2026-11-25.</field.taken_on>
    <adm.title.holder>Создать вход в кабинет</adm.title.holder>
    <adm.holder.has-logins>У этого лицевого счёта уже есть вход в кабинет; будет создан ещё один.</adm.holder.has-logins>
    <adm.f.channel>Как отправить пароль</adm.f.channel>
    <adm.holder.sms>SMS на телефон из договора</adm.holder.sms>
    <adm.holder.email>На электронную почту</adm.holder.email>
    <adm.holder.hint>Пароль создаётся автоматически и уходит абоненту; сотрудник его не видит.</adm.holder.hint>
    <adm.do.link>Привязать лицевой счёт</adm.do.link>
    <adm.do.unlink>Отвязать</adm.do.unlink>
    <adm.f.number>Номер лицевого счёта</adm.f.number>
    <adm.done.linked>Лицевой счёт привязан.</adm.done.linked>
    <adm.done.unlinked>Лицевой счёт отвязан.</adm.done.unlinked>
    <adm.done.already-linked>Этот лицевой счёт уже привязан.</adm.done.already-linked>
    <adm.done.login-created>Вход создан, пароль отправлен абоненту.</adm.done.login-created>
    <error.no-phone>В договоре нет телефона: отправьте пароль на почту.</error.no-phone>
    <field.number>Номер лицевого счёта: до 20 цифр и латинских букв.</field.number>
    <field.channel>Выберите, как отправить пароль.</field.channel>
    <field.account>Лицевой счёт.</field.account>
    <adm.title.payments>Платежи</adm.title.payments>
    <adm.title.payment>Платёж</adm.title.payment>
    <adm.pay-by.id>номеру платежа</adm.pay-by.id>
    <adm.pay-by.provider>номеру у платёжного сервиса</adm.pay-by.provider>
    <adm.pay-by.account>лицевому счёту</adm.pay-by.account>
    <adm.pay-by.day>дате (ГГГГ-ММ-ДД)</adm.pay-by.day>
    <adm.pay-hint>Платежи, сделанные в личном кабинете: картой или автоплатежом.</adm.pay-hint>
    <adm.col.payment>Платёж</adm.col.payment>
    <adm.col.amount>Сумма</adm.col.amount>
    <adm.col.state>Состояние</adm.col.state>
    <adm.pay.created>создан</adm.pay.created>
    <adm.pay.pending>ожидает оплаты</adm.pay.pending>
    <adm.pay.succeeded>оплачен</adm.pay.succeeded>
    <adm.pay.canceled>не прошёл</adm.pay.canceled>
    <adm.refunded>Возвращено</adm.refunded>
    <adm.provider-id>Номер у платёжного сервиса</adm.provider-id>
    <adm.refunds>Возвраты</adm.refunds>
    <adm.no-refunds>Возвратов не было.</adm.no-refunds>
    <adm.refund.created>запрошен, ответа нет</adm.refund.created>
    <adm.refund.pending>в обработке</adm.refund.pending>
    <adm.refund.succeeded>возвращено</adm.refund.succeeded>
    <adm.refund.canceled>отклонён</adm.refund.canceled>
    <adm.f.amount>Сумма возврата</adm.f.amount>
    <adm.do.refund>Вернуть деньги</adm.do.refund>
    <adm.do.recheck>Проверить в платёжном сервисе</adm.do.recheck>
    <adm.done.rechecked>Состояние проверено в платёжном сервисе.</adm.done.rechecked>
    <adm.done.refunded>Деньги возвращены, лицевой счёт пересчитан.</adm.done.refunded>
    <adm.done.refund-pending>Возврат принят платёжным сервисом и ещё обрабатывается.</adm.done.refund-pending>
    <adm.done.refund-refused>Платёжный сервис отказал в возврате.</adm.done.refund-refused>
    <adm.done.refund-unknown>Платёжный сервис не ответил. Ничего не списано; проверьте позже — повторный запрос не вернёт деньги дважды.</adm.done.refund-unknown>
    <adm.done.already>Этот возврат уже запрошен.</adm.done.already>
    <error.not-refundable>Этот платёж нельзя вернуть: он не оплачен.</error.not-refundable>
    <error.refund-too-much>Больше, чем осталось вернуть по этому платежу.</error.refund-too-much>
    <error.day-invalid>Дата в виде ГГГГ-ММ-ДД.</error.day-invalid>
    <field.amount>Сумма, например 150,00.</field.amount>
    <adm.title.login>Вход для сотрудников</adm.title.login>
    <adm.title.code>Код подтверждения</adm.title.code>
    <adm.title.enrol>Настройка второго фактора</adm.title.enrol>
    <adm.title.logout>Выход</adm.title.logout>
    <adm.title.overview>Обзор</adm.title.overview>
    <adm.title.subscribers>Абоненты</adm.title.subscribers>
    <adm.title.subscriber>Абонент</adm.title.subscriber>
    <adm.title.appeals>Обращения</adm.title.appeals>
    <adm.title.appeal>Обращение</adm.title.appeal>
    <adm.ap.status>Состояние</adm.ap.status>
    <adm.ap.any>любое</adm.ap.any>
    <adm.ap.show>Показать</adm.ap.show>
    <adm.ap.number>Номер</adm.ap.number>
    <adm.ap.subscriber>Абонент</adm.ap.subscriber>
    <adm.ap.account>Лицевой счёт</adm.ap.account>
    <adm.ap.topic>Тема</adm.ap.topic>
    <adm.ap.assigned>Ответственный</adm.ap.assigned>
    <adm.ap.nobody>не назначен</adm.ap.nobody>
    <adm.ap.updated>Изменено</adm.ap.updated>
    <adm.ap.none>Обращений нет.</adm.ap.none>
    <adm.ap.take>Взять себе</adm.ap.take>
    <adm.ap.release>Снять с себя</adm.ap.release>
    <adm.ap.from-subscriber>Абонент</adm.ap.from-subscriber>
    <adm.ap.note>Заметка для сотрудников</adm.ap.note>
    <adm.ap.answer>Ответ абоненту</adm.ap.answer>
    <adm.ap.status-after>Состояние после ответа</adm.ap.status-after>
    <adm.ap.send>Ответить</adm.ap.send>
    <adm.ap.note-label>Заметка (абонент её не увидит)</adm.ap.note-label>
    <adm.ap.add-note>Добавить заметку</adm.ap.add-note>
    <adm.done.answered>Ответ отправлен; абоненту придёт уведомление.</adm.done.answered>
    <adm.done.noted>Заметка добавлена.</adm.done.noted>
    <adm.done.taken>Обращение ваше.</adm.done.taken>
    <adm.done.released>Обращение ни за кем не закреплено.</adm.done.released>
    <adm.title.requests>Заявки</adm.title.requests>
    <adm.title.news>Новости</adm.title.news>
    <adm.title.news-new>Новое объявление</adm.title.news-new>
    <adm.title.organization>Организация</adm.title.organization>
    <adm.title.staff>Сотрудники</adm.title.staff>
    <adm.title.staff-new>Новый сотрудник</adm.title.staff-new>
    <adm.title.audit>Журнал действий</adm.title.audit>
    <adm.signin.next>Далее</adm.signin.next>
    <adm.signin.submit>Войти</adm.signin.submit>
    <adm.code.hint>Шесть цифр из приложения-аутентификатора или один из резервных кодов.</adm.code.hint>
    <adm.enrol.intro>Вход в кабинет сотрудника защищён вторым фактором. Отсканируйте QR-код приложением-аутентификатором (Google Authenticator, Яндекс Ключ, FreeOTP и др.) или введите ключ вручную, затем введите код из приложения.</adm.enrol.intro>
    <adm.enrol.qr>QR-код для приложения-аутентификатора</adm.enrol.qr>
    <adm.enrol.secret>Ключ:</adm.enrol.secret>
    <adm.enrol.code-hint>Шесть цифр, которые показывает приложение.</adm.enrol.code-hint>
    <adm.enrol.done>Второй фактор настроен.</adm.enrol.done>
    <adm.enrol.codes>Резервные коды</adm.enrol.codes>
    <adm.enrol.codes-hint>Сохраните их в надёжном месте: каждый код позволяет войти один раз, если телефона нет под рукой. Больше они показаны не будут.</adm.enrol.codes-hint>
    <adm.enrol.continue>Я сохранил коды, продолжить</adm.enrol.continue>
    <adm.you>Вы вошли как</adm.you>
    <adm.role.admin>администратор</adm.role.admin>
    <adm.role.operator>оператор</adm.role.operator>
    <adm.role.accountant>бухгалтер</adm.role.accountant>
    <adm.role.viewer>наблюдатель</adm.role.viewer>
    <adm.ov.what>Показатель</adm.ov.what>
    <adm.ov.today>Сегодня</adm.ov.today>
    <adm.ov.month>За месяц</adm.ov.month>
    <adm.ov.signups>Регистрации</adm.ov.signups>
    <adm.ov.signins>Входы</adm.ov.signins>
    <adm.ov.paid>Оплаты онлайн: число / сумма</adm.ov.paid>
    <adm.ov.failed>Неуспешные оплаты</adm.ov.failed>
    <adm.ov.readings>Счётчики с показаниями / всего</adm.ov.readings>
    <adm.ov.requests>Открытые заявки</adm.ov.requests>
    <adm.ov.undelivered>Недоставленные сообщения</adm.ov.undelivered>
    <adm.f.login>Логин</adm.f.login>
    <adm.f.password>Пароль</adm.f.password>
    <adm.f.password-again>Ваш пароль или код из приложения (для подтверждения)</adm.f.password-again>
    <adm.f.code>Код</adm.f.code>
    <adm.f.by>Искать по</adm.f.by>
    <adm.f.q>Что искать</adm.f.q>
    <adm.f.full_name>ФИО</adm.f.full_name>
    <adm.f.email>Электронная почта</adm.f.email>
    <adm.f.phone>Мобильный телефон</adm.f.phone>
    <adm.f.reason>Причина отказа</adm.f.reason>
    <adm.f.org>Организация</adm.f.org>
    <adm.f.title_ru>Заголовок (по-русски)</adm.f.title_ru>
    <adm.f.body_ru>Текст (по-русски)</adm.f.body_ru>
    <adm.f.title_en>Заголовок (по-английски)</adm.f.title_en>
    <adm.f.body_en>Текст (по-английски)</adm.f.body_en>
    <adm.f.audience>Кому</adm.f.audience>
    <adm.f.targets>Адреса или номера лицевых счетов, по одному в строке</adm.f.targets>
    <adm.f.publish_at>Опубликовать (дата и время)</adm.f.publish_at>
    <adm.f.role>Роль</adm.f.role>
    <adm.f.new_password>Начальный пароль</adm.f.new_password>
    <adm.f.name>Название</adm.f.name>
    <adm.f.inn>ИНН (в Казахстане — БИН)</adm.f.inn>
    <adm.f.kpp>КПП</adm.f.kpp>
    <adm.f.address>Адрес</adm.f.address>
    <adm.f.phones>Телефоны</adm.f.phones>
    <adm.f.website>Сайт</adm.f.website>
    <adm.f.bank_name>Банк</adm.f.bank_name>
    <adm.f.bic>БИК</adm.f.bic>
    <adm.f.bank_account>Расчётный счёт</adm.f.bank_account>
    <adm.f.corr_account>Корреспондентский счёт (у Казначейства — ЕКС; в Казахстане не нужен)</adm.f.corr_account>
    <adm.f.receipt_note>Объявление на квитанции</adm.f.receipt_note>
    <adm.f.time_zone>Часовой пояс</adm.f.time_zone>
    <adm.f.readings_from>Приём показаний с (число)</adm.f.readings_from>
    <adm.f.readings_to>Приём показаний по (число)</adm.f.readings_to>
    <adm.f.pay_by_day>Оплатить до (число следующего месяца)</adm.f.pay_by_day>
    <adm.f.staff>Сотрудник (логин)</adm.f.staff>
    <adm.f.action>Действие</adm.f.action>
    <adm.f.object>Тип объекта</adm.f.object>
    <adm.f.object_id>Номер объекта</adm.f.object_id>
    <adm.f.from>С</adm.f.from>
    <adm.f.to>По</adm.f.to>
    <adm.by.account>номеру лицевого счёта</adm.by.account>
    <adm.by.address>адресу (начало)</adm.by.address>
    <adm.by.login>логину</adm.by.login>
    <adm.by.name>ФИО (начало)</adm.by.name>
    <adm.by.email>электронной почте</adm.by.email>
    <adm.by.phone>телефону</adm.by.phone>
    <adm.search>Найти</adm.search>
    <adm.results>Найдено</adm.results>
    <adm.no-results>Ничего не найдено.</adm.no-results>
    <adm.next-page>Следующие</adm.next-page>
    <adm.col.account>Лицевой счёт</adm.col.account>
    <adm.col.subscriber>Абонент</adm.col.subscriber>
    <adm.col.address>Адрес</adm.col.address>
    <adm.col.at>Когда</adm.col.at>
    <adm.col.who>Кто</adm.col.who>
    <adm.col.action>Действие</adm.col.action>
    <adm.col.object>Объект</adm.col.object>
    <adm.col.change>Было → стало</adm.col.change>
    <adm.no-login>нет входа в кабинет</adm.no-login>
    <adm.blocked>заблокирован</adm.blocked>
    <adm.active>активен</adm.active>
    <adm.disabled>отключён</adm.disabled>
    <adm.enrolled>второй фактор настроен</adm.enrolled>
    <adm.not-enrolled>второй фактор не настроен</adm.not-enrolled>
    <adm.since>Зарегистрирован</adm.since>
    <adm.two-factor>Двухэтапный вход</adm.two-factor>
    <adm.two-factor.app>включён, приложение</adm.two-factor.app>
    <adm.two-factor.sms>включён, SMS</adm.two-factor.sms>
    <adm.two-factor.off>выключен</adm.two-factor.off>
    <adm.two-factor.off-hint>Выключайте, только если абонент потерял и телефон, и коды восстановления и вы убедились, что обратился он сам. Абоненту придёт письмо.</adm.two-factor.off-hint>
    <adm.do.two-factor-off>Выключить двухэтапный вход</adm.do.two-factor-off>
    <adm.done.two-factor-off>Двухэтапный вход абонента выключен; ему отправлено письмо.</adm.done.two-factor-off>
    <adm.state>Состояние</adm.state>
    <adm.accounts>Лицевые счета</adm.accounts>
    <adm.delegates>Доступ к счёту дан:</adm.delegates>
    <adm.shared>Доступ к чужим счетам</adm.shared>
    <adm.no-shared>Другие абоненты доступа к своим счетам не давали.</adm.no-shared>
    <adm.shared-by>дал доступ</adm.shared-by>
    <adm.rights.view>только просмотр</adm.rights.view>
    <adm.rights.readings>только передача показаний</adm.rights.readings>
    <adm.rights.pay>просмотр и оплата</adm.rights.pay>
    <adm.rights.full>всё, кроме приглашения других</adm.rights.full>
    <adm.rights.other>особые права</adm.rights.other>
    <adm.sessions>Открытые сеансы</adm.sessions>
    <adm.no-sessions>Открытых сеансов нет.</adm.no-sessions>
    <adm.sign-ins>Последние входы</adm.sign-ins>
    <adm.result.ok>успешно</adm.result.ok>
    <adm.result.fail>неверный пароль</adm.result.fail>
    <adm.result.locked>заблокировано</adm.result.locked>
    <adm.do.block>Заблокировать</adm.do.block>
    <adm.do.unblock>Разблокировать</adm.do.unblock>
    <adm.do.end-sessions>Завершить все сеансы</adm.do.end-sessions>
    <adm.do.reset-link>Отправить ссылку для смены пароля</adm.do.reset-link>
    <adm.do.approve>Подтвердить</adm.do.approve>
    <adm.do.reject>Отклонить</adm.do.reject>
    <adm.do.role>Сменить роль</adm.do.role>
    <adm.do.disable>Отключить</adm.do.disable>
    <adm.do.enable>Включить</adm.do.enable>
    <adm.do.reset-factor>Сбросить второй фактор</adm.do.reset-factor>
    <adm.req.mobile>Мобильный телефон</adm.req.mobile>
    <adm.no-requests>Заявок нет.</adm.no-requests>
    <adm.aud.all>всем абонентам организации</adm.aud.all>
    <adm.aud.addresses>по адресам</adm.aud.addresses>
    <adm.aud.accounts>по лицевым счетам</adm.aud.accounts>
    <adm.targets-hint>Для «по адресам» — начало адреса («ул. Ленина, д. 5»), для «по лицевым счетам» — номера.</adm.targets-hint>
    <adm.publish-hint>Пусто — опубликовать сразу.</adm.publish-hint>
    <adm.publish>Опубликовать</adm.publish>
    <adm.news.sent>разослано</adm.news.sent>
    <adm.news.scheduled>запланировано</adm.news.scheduled>
    <adm.orgs>Организации:</adm.orgs>
    <adm.new-password-hint>Не короче 12 символов. Сообщите его сотруднику лично; при первом входе он настроит второй фактор.</adm.new-password-hint>
    <adm.create>Создать</adm.create>
    <adm.save>Сохранить</adm.save>
    <adm.filter>Показать</adm.filter>
    <adm.older>Более ранние</adm.older>
    <adm.no-entries>Записей нет.</adm.no-entries>
    <adm.done.out>Вы вышли из кабинета сотрудника.</adm.done.out>
    <adm.done.block>Абонент заблокирован, его сеансы завершены.</adm.done.block>
    <adm.done.unblock>Абонент разблокирован.</adm.done.unblock>
    <adm.done.end-sessions>Все сеансы абонента завершены.</adm.done.end-sessions>
    <adm.done.reset-link>Ссылка для смены пароля отправлена на почту абонента.</adm.done.reset-link>
    <adm.done.no-email>У абонента нет адреса электронной почты.</adm.done.no-email>
    <adm.done.approved>Номер изменён, абоненту отправлено сообщение.</adm.done.approved>
    <adm.done.rejected>Заявка отклонена, абоненту отправлено сообщение.</adm.done.rejected>
    <adm.done.gone>Эту заявку уже рассмотрели.</adm.done.gone>
    <adm.done.published>Объявление сохранено.</adm.done.published>
    <adm.done.saved>Сведения об организации сохранены.</adm.done.saved>
    <adm.done.created>Сотрудник создан.</adm.done.created>
    <adm.done.role>Роль изменена.</adm.done.role>
    <adm.done.disable>Сотрудник отключён, его сеансы завершены.</adm.done.disable>
    <adm.done.enable>Сотрудник включён.</adm.done.enable>
    <adm.done.reset-factor>Второй фактор сброшен: при следующем входе сотрудник настроит его заново.</adm.done.reset-factor>
    <error.login-required>Введите логин и пароль.</error.login-required>
    <error.bad-credentials>Неверный логин или пароль</error.bad-credentials>
    <error.locked>Слишком много неудачных попыток. Попробуйте через 15 минут.</error.locked>
    <error.code-required>Введите код.</error.code-required>
    <error.bad-code>Код неверный или устарел.</error.bad-code>
    <error.code-used>Этот код уже использован. Дождитесь следующего.</error.code-used>
    <error.form-invalid>Проверьте отмеченные поля.</error.form-invalid>
    <error.inn-invalid>ИНН (в Казахстане — БИН) не проходит проверку контрольных цифр.</error.inn-invalid>
    <error.bic-invalid>БИК — 9 цифр: у банка начинается с 04, у органа Федерального казначейства — с 0. В Казахстане — код SWIFT из 8 знаков, например HSBKKZKX.</error.bic-invalid>
    <error.account-invalid>Счёт не проходит проверку: у банка — контрольный ключ вместе с БИК; у Казначейства — казначейский счёт 03…643…; в Казахстане — IBAN KZ с контрольными цифрами.</error.account-invalid>
    <error.bank-name-long>Название банка длиннее 45 знаков, которые вмещает QR-код (ГОСТ Р 56042-2014).</error.bank-name-long>
    <error.qr-name>Реквизиты получателя не помещаются в QR-код (ГОСТ Р 56042-2014: не больше 300 байт). Укажите краткое наименование: оно пойдёт в QR-код.</error.qr-name>
    <error.corr-invalid>Корреспондентский счёт не сходится с БИК (у Казначейства — единый казначейский счёт 40102…).</error.corr-invalid>
    <error.window-reversed>Конец приёма показаний раньше начала.</error.window-reversed>
    <error.password-wrong>Пароль или код неверный.</error.password-wrong>
    <error.targets-required>Укажите адреса или номера лицевых счетов.</error.targets-required>
    <error.unknown-account>Среди номеров есть лицевой счёт, которого нет в организации.</error.unknown-account>
    <error.no-accounts>По этим адресам нет ни одного лицевого счёта.</error.no-accounts>
    <error.orgs-required>Отметьте хотя бы одну организацию.</error.orgs-required>
    <error.login-taken>Такой логин уже есть.</error.login-taken>
    <error.phone-invalid>Номер телефона, например +7 912 345-67-89.</error.phone-invalid>
    <error.password-short>Пароль должен быть не короче 12 символов.</error.password-short>
    <error.password-login>Пароль не должен совпадать с логином.</error.password-login>
    <error.password-common>Этот пароль слишком распространён. Выберите другой.</error.password-common>
    <error.password-personal>Пароль легко угадать: в нём ваш логин, имя, телефон или адрес почты. Выберите другой.</error.password-personal>
    <error.password-words>Пароль легко угадать: он из распространённых слов или паролей. Добавьте ещё слова или возьмите фразу подлиннее.</error.password-words>
    <error.password-repeats>Пароль легко угадать: в нём повторяется одно и то же. Выберите другой.</error.password-repeats>
    <error.password-sequence>Пароль легко угадать: в нём последовательность вроде 12345 или abcde. Выберите другой.</error.password-sequence>
    <error.password-keyboard>Пароль легко угадать: это соседние клавиши, как qwerty. Выберите другой.</error.password-keyboard>
    <error.password-date>Пароль легко угадать: в нём дата или год. Выберите другой.</error.password-date>
    <error.password-guessable>Пароль легко угадать. Возьмите несколько слов через пробел.</error.password-guessable>
    <error.password-mismatch>Пароли не совпадают.</error.password-mismatch>
    <field.q>Введите, что искать.</field.q>
    <field.by>Выберите, по чему искать.</field.by>
    <field.reason>Причина: от 2 до 300 символов.</field.reason>
    <field.org>Выберите организацию.</field.org>
    <field.title_ru>Заголовок: от 2 до 200 символов.</field.title_ru>
    <field.title_en>Заголовок: от 2 до 200 символов.</field.title_en>
    <field.body_ru>Текст: от 2 до 4000 символов.</field.body_ru>
    <field.body_en>Текст: от 2 до 4000 символов.</field.body_en>
    <field.audience>Выберите, кому.</field.audience>
    <field.targets>Не больше 4000 символов.</field.targets>
    <field.publish_at>Дата и время, например 2026-12-01 09:00.</field.publish_at>
    <field.role>Выберите роль.</field.role>
    <field.login>Логин: от 1 до 64 символов.</field.login>
    <field.full_name>ФИО: от 2 до 200 символов.</field.full_name>
    <field.new_password>Введите пароль.</field.new_password>
    <field.password>Введите ваш пароль.</field.password>
    <field.name>Название: от 2 до 200 символов.</field.name>
    <field.inn>ИНН: 10 или 12 цифр.</field.inn>
    <field.kpp>КПП: 9 цифр.</field.kpp>
    <field.address>Адрес: от 5 до 300 символов.</field.address>
    <field.phones>Телефоны: от 5 до 100 символов.</field.phones>
    <field.email>Адрес вида name@example.com.</field.email>
    <field.website>Адрес сайта.</field.website>
    <field.bank_name>Название банка.</field.bank_name>
    <field.bic>БИК: 9 цифр.</field.bic>
    <field.bank_account>Счёт: 20 цифр.</field.bank_account>
    <field.corr_account>Счёт: 20 цифр.</field.corr_account>
    <field.receipt_note>Не больше 1000 символов.</field.receipt_note>
    <field.time_zone>Часовой пояс, например Europe/Moscow.</field.time_zone>
    <field.readings_from>Число от 1 до 31.</field.readings_from>
    <field.readings_to>Число от 1 до 31.</field.readings_to>
    <field.pay_by_day>Число от 1 до 28.</field.pay_by_day>
    <field.staff>Логин сотрудника.</field.staff>
    <field.action>Название действия латиницей.</field.action>
    <field.object>Тип объекта латиницей.</field.object>
    <field.object_id>Номер объекта.</field.object_id>
    <field.from>Дата, например 2026-11-01.</field.from>
    <field.to>Дата, например 2026-11-30.</field.to>
  </xsl:template>
</xsl:stylesheet>
