import ArgumentParser

/// The help of the options several commands share, written once so that they say the same.
public enum OptionHelp {
    public static let content = ArgumentHelp("Mappen med innehållet: site.yml, routines/, groups/, councils/.", valueName: "mapp")
    public static let templates = ArgumentHelp("Mappen med mallarna (Mustache) och assets/. (förval: templates i den här mappen, annars mappen templates bredvid programmet)", valueName: "mapp")
    public static let councils = ArgumentHelp("Bara kommunen eller regionen med detta id (inte en samverkansgrupps). Upprepa för fler. Utan --council och --group: alla.", valueName: "kommun")
    public static let groups = ArgumentHelp("Bara kommunerna och regionerna i samverkansgruppen med detta id (de som har 'group: <id>' i sin council.yml). Upprepa för fler; går att kombinera med --council.", valueName: "grupp")
    public static let today = ArgumentHelp("Bedöm vad som ska granskas utifrån detta datum i stället för i dag, ÅÅÅÅ-MM-DD.", valueName: "datum")
    public static let `internal` = ArgumentHelp("Ta med rutiner med 'access: internal' (en version för intranätet).")
}
